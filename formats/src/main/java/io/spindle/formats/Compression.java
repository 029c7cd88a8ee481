package io.spindle.formats;

import java.util.Locale;

/** Compression codecs Spindle writes. Snappy is the default, as in Spark and Hive. */
public enum Compression {
    NONE,
    SNAPPY,
    GZIP,
    ZSTD;

    /** Parses a codec name ignoring case; "uncompressed" is accepted for NONE, as Spark does. */
    public static Compression parse(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("uncompressed")) {
            return NONE;
        }
        for (Compression codec : values()) {
            if (codec.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("Unknown compression '" + name + "': expected none, snappy, gzip or zstd");
    }
}
