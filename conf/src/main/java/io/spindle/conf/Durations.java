package io.spindle.conf;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations in the short form used by configuration: "250ms", "30s", "5m",
 * "2h", "1d" and "0". Java's ISO form ("PT30S") is not accepted: nobody writes it in a config.
 */
public final class Durations {
    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
    // Largest first, so format picks the shortest exact form.
    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {
        86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L
    };

    private Durations() {}

    /**
     * Parses a non-negative duration. A number needs a unit, except 0: a bare "30" is ambiguous
     * between seconds and milliseconds, and guessing wrong is a factor of 1000.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Duration parse(String text) {
        try {
            return parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Throws IllegalArgumentException whose message completes "Invalid value 'x': ...". */
    static Duration parseDuration(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected " + ConfigType.DURATION.expectedForm());
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        if (matcher.group(2) == null) {
            if (number.signum() == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("expected " + ConfigType.DURATION.expectedForm()
                    + " (a number needs a unit: ms, s, m, h or d)");
        }
        BigDecimal nanos = number.multiply(BigDecimal.valueOf(nanosPerUnit(matcher.group(2))));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a duration must be a whole number of nanoseconds");
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a duration must be shorter than 106751d");
        }
    }

    private static long nanosPerUnit(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(lower)) {
                return NANOS[i];
            }
        }
        throw new AssertionError("pattern admits unit " + unit);
    }

    /** The shortest exact form that {@link #parse} reads back: "30s", "90m", "1500ms", "0". */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A configured duration cannot be negative: " + duration);
        }
        if (duration.isZero()) {
            return "0";
        }
        // Whole seconds are formatted from seconds so that very long durations do not overflow nanos.
        boolean wholeSeconds = duration.getNano() == 0;
        long amount = wholeSeconds ? duration.getSeconds() : duration.toNanos();
        int first = wholeSeconds ? 0 : 4;
        for (int i = first; i < UNITS.length; i++) {
            long perUnit = wholeSeconds ? NANOS[i] / NANOS[3] : NANOS[i];
            if (perUnit > 0 && amount % perUnit == 0) {
                return (amount / perUnit) + UNITS[i];
            }
        }
        throw new AssertionError("unreachable: every amount is a multiple of 1");
    }
}
