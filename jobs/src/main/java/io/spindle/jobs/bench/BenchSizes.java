package io.spindle.jobs.bench;

import java.util.Locale;

/**
 * How much benchmark data to generate. {@link #ISSUE} is the size the performance targets are
 * stated for (TPC-H SF1 lineitem, 20M events over 60 days, 200k products, 500 MiB of text);
 * {@link #scaled} gives smaller sets for tests and quick runs.
 */
public record BenchSizes(long lineitemRows, long events, int eventDays, long products, long textBytes) {
    /** The sizes the Spark comparison was measured at. */
    public static final BenchSizes ISSUE = new BenchSizes(6_000_000, 20_000_000, 60, 200_000, 500L << 20);

    /** Scale 1 = 1M lineitem rows, 20k events a day for 60 days, 10k products and 20 MiB of text. */
    public static BenchSizes scaled(double scale, long textBytes) {
        return new BenchSizes(Math.max(1, Math.round(BenchData.LINEITEM_ROWS_PER_SCALE * scale)),
                Math.max(100, Math.round(BenchData.EVENTS_PER_DAY_PER_SCALE * scale)) * BenchData.EVENT_DAYS,
                BenchData.EVENT_DAYS, Math.max(100, Math.round(BenchData.PRODUCTS_PER_SCALE * scale)),
                Math.max(1024, textBytes));
    }

    /** A directory name that differs whenever the data would. */
    String directoryName() {
        return String.format(Locale.ROOT, "data-l%d-e%dd%d-p%d-t%d", lineitemRows, events, eventDays, products,
                textBytes);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d lineitem rows, %,d events over %d days, %,d products, %d MiB of text",
                lineitemRows, events, eventDays, products, textBytes >> 20);
    }
}
