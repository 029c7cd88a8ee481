package io.spindle.jobs.bench;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.max;
import static io.spindle.api.functions.sum;

import io.spindle.api.Column;
import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.ReadMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Not a test: scan speed of the bench lineitem table (Parquet, {@link BenchData}) through the
 * Dataset API, on one executor thread and on local[2]. A full scan aggregates every column; a
 * selective scan filters 1% of l_orderkey (the files are ordered by it, so statistics skip the
 * rest). Prints, per case, the median of five runs after one warm-up: seconds, rows/s (table rows
 * over wall time, and rows actually decoded), MB/s of the table's file bytes, and the compressed
 * bytes the readers read. Run with
 * {@code java -cp <jobs test classpath> io.spindle.jobs.bench.ScanSpeedBenchmark [rows] [dataDir]}.
 */
public final class ScanSpeedBenchmark {
    private static final int RUNS = 5;

    private ScanSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("spindle-scan-bench-");
        Path lineitem = data.resolve("lineitem-" + rows);
        if (!Files.exists(lineitem)) {
            long start = System.nanoTime();
            BenchData.writeLineitem(lineitem, rows, 7);
            System.out.printf("generated %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
        long fileBytes;
        try (Stream<Path> files = Files.list(lineitem)) {
            fileBytes = files.mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf("lineitem: %,d rows, %.1f MB of Parquet%n", rows, fileBytes / 1e6);
        System.out.printf("%-9s %-10s %8s %14s %14s %10s %12s%n", "master", "scan", "seconds", "table rows/s",
                "decoded rows/s", "file MB/s", "MB read");
        for (String master : List.of("local[1]", "local[2]")) {
            try (Session session = Session.builder().master(master).appName("scan-speed").getOrCreate()) {
                Dataset table = session.read().parquet(lineitem.toString());
                long selectiveBound = rows / 4 / 100;
                measure(session, master, "full", rows, fileBytes, () -> table.agg(allColumns(table)).collectAsList());
                measure(session, master, "selective", rows, fileBytes, () -> table
                        .filter(col("l_orderkey").leq(lit(selectiveBound)))
                        .agg(count(lit(1)), sum(col("l_extendedprice"))).collectAsList());
            }
        }
    }

    /** An aggregate over every column, so each one is read and decoded. */
    private static Column[] allColumns(Dataset table) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (String column : table.columns()) {
            aggregates.add(max(col(column)));
        }
        return aggregates.toArray(new Column[0]);
    }

    private static void measure(Session session, String master, String name, long tableRows, long fileBytes,
            java.util.function.Supplier<List<Row>> query) {
        query.get(); // warm-up
        List<Double> seconds = new ArrayList<>();
        ReadMetrics metrics = ReadMetrics.EMPTY;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            query.get();
            seconds.add((System.nanoTime() - start) / 1e9);
            metrics = session.lastScanMetrics();
        }
        Collections.sort(seconds);
        double median = seconds.get(RUNS / 2);
        Function<Double, String> rate = value -> String.format("%,.0f", value);
        System.out.printf("%-9s %-10s %8.3f %14s %14s %10.1f %12.1f%n", master, name, median,
                rate.apply(tableRows / median), rate.apply(metrics.rowsRead() / median), fileBytes / 1e6 / median,
                metrics.bytesRead() / 1e6);
    }
}
