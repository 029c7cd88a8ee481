package io.spindle.conf;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory or storage in bytes. Units are binary (1k = 1024 bytes) because YARN,
 * the JVM ({@code -Xmx2g}) and Spark all read them that way; mixing in decimal units would make
 * "2g" mean two different things on one command line.
 */
public final class DataSize implements Comparable<DataSize>, Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|[kmgtp]b?)?", Pattern.CASE_INSENSITIVE);
    // Largest first, so toString picks the shortest exact form.
    private static final String[] SUFFIXES = {"p", "t", "g", "m", "k"};
    private static final long[] MULTIPLIERS = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10};
    private static final long MEBIBYTE = 1L << 20;

    private final long bytes;

    private DataSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A data size cannot be negative: " + bytes + " bytes");
        }
        this.bytes = bytes;
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKilobytes(long kilobytes) {
        return new DataSize(Math.multiplyExact(kilobytes, 1L << 10));
    }

    public static DataSize ofMegabytes(long megabytes) {
        return new DataSize(Math.multiplyExact(megabytes, MEBIBYTE));
    }

    public static DataSize ofGigabytes(long gigabytes) {
        return new DataSize(Math.multiplyExact(gigabytes, 1L << 30));
    }

    /**
     * Parses "512" (bytes), "512b", "64k", "128m", "128mb", "2g", "1.5g", "1t" or "1p",
     * case-insensitive.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static DataSize parse(String text) {
        try {
            return new DataSize(parseBytes(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid data size '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Throws IllegalArgumentException whose message completes "Invalid value 'x': ...". */
    static long parseBytes(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected " + ConfigType.DATA_SIZE.expectedForm());
        }
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(multiplier(unit)));
        if (value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a data size must be a whole number of bytes");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a data size must be less than 8192p");
        }
    }

    private static long multiplier(String unit) {
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (unit.startsWith(SUFFIXES[i])) {
                return MULTIPLIERS[i];
            }
        }
        return 1; // "b"
    }

    public long bytes() {
        return bytes;
    }

    /** Whole mebibytes, rounded down: what YARN resource requests take. */
    public long toMegabytes() {
        return bytes / MEBIBYTE;
    }

    /** Whole mebibytes, rounded up, so that a request never asks for less than configured. */
    public long toMegabytesRoundedUp() {
        return (bytes + MEBIBYTE - 1) / MEBIBYTE;
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSize other && other.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** The shortest exact form that {@link #parse} reads back: "2g", "384m", "1536b", "0". */
    @Override
    public String toString() {
        if (bytes == 0) {
            return "0";
        }
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (bytes % MULTIPLIERS[i] == 0) {
                return (bytes / MULTIPLIERS[i]) + SUFFIXES[i];
            }
        }
        return bytes + "b";
    }
}
