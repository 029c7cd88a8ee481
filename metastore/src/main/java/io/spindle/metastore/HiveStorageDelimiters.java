package io.spindle.metastore;

/**
 * Reads a serde delimiter the way Hive's {@code LazySerDeParameters.getByte} does: a value that
 * parses as a byte is a character code ({@code field.delim=1} is Ctrl-A, {@code 44} is a comma),
 * anything else is its first character. So no digit can be a delimiter, in Hive or here.
 */
final class HiveStorageDelimiters {
    /** Hive's default field delimiter, Ctrl-A. */
    static final char DEFAULT = '\u0001';

    private HiveStorageDelimiters() {}

    static char parse(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT;
        }
        try {
            return (char) (Byte.parseByte(value) & 0xFF);
        } catch (NumberFormatException e) {
            return value.charAt(0);
        }
    }
}
