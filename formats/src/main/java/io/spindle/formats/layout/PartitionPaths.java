package io.spindle.formats.layout;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Names of partition directories, as Hive and Spark write them: {@code column=value}, with the
 * characters that are unsafe in a path escaped as {@code %XX}, and null written as
 * {@code __HIVE_DEFAULT_PARTITION__}. Reading and writing share this class so that a value
 * written is read back as the same value.
 */
public final class PartitionPaths {
    /** The directory value Hive and Spark use for a null partition value. */
    public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

    /** The set Hive's FileUtils and Spark's ExternalCatalogUtils escape (their non-Windows list). */
    private static final BitSet CHARS_TO_ESCAPE = new BitSet(128);

    static {
        for (char c = 1; c < ' '; c++) {
            CHARS_TO_ESCAPE.set(c);
        }
        for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
            CHARS_TO_ESCAPE.set(c);
        }
    }

    /** Timestamps as Spark casts them to strings: seconds always, fraction without trailing zeros. */
    private static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter();

    private PartitionPaths() {}

    /** {@code value} with unsafe characters as {@code %XX} (upper-case hex), as Hive does. */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128 && CHARS_TO_ESCAPE.get(c)) {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Reverses {@link #escape}; a {@code %} not followed by two hex digits is kept as it is, as Hive does. */
    public static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1)) {
                plain.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                plain.append(c);
                i++;
            }
        }
        return plain.toString();
    }

    /**
     * Whether readers skip this file or directory name: names starting with {@code _} or {@code .}
     * ({@code _SUCCESS}, {@code _temporary}, {@code .spindle-staging-*}, checksum files), except a
     * {@code _column=value} partition directory, and files still being copied by {@code hdfs dfs -put}.
     */
    public static boolean isHidden(String name) {
        return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".") || name.endsWith("._COPYING_");
    }

    /**
     * The column and value of a {@code column=value} directory name, both unescaped; the value is
     * null for {@link #DEFAULT_PARTITION_NAME}. Empty when the name is not of that form.
     */
    public static Optional<Segment> parseSegment(String name) {
        int equals = name.indexOf('=');
        if (equals <= 0) {
            return Optional.empty();
        }
        String column = unescape(name.substring(0, equals));
        String raw = name.substring(equals + 1);
        // An empty value cannot have been written by Hive or Spark (they write the default name); read it as null too.
        String value = raw.equals(DEFAULT_PARTITION_NAME) || raw.isEmpty() ? null : unescape(raw);
        return Optional.of(new Segment(column, value));
    }

    /**
     * The relative directory of a partition, {@code a=1/b=x%2Fy}. Empty strings are written as
     * null, as Spark does, because an empty path segment cannot exist.
     */
    public static String directoryOf(Schema partitionSchema, List<Object> values, ZoneId zone) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < partitionSchema.size(); i++) {
            if (i > 0) {
                path.append('/');
            }
            String text = format(values.get(i), partitionSchema.field(i).type(), zone);
            path.append(escape(partitionSchema.field(i).name())).append('=')
                    .append(text == null || text.isEmpty() ? DEFAULT_PARTITION_NAME : escape(text));
        }
        return path.toString();
    }

    /** The text of a partition value before escaping, as Spark's cast to string writes it; null for null. */
    public static String format(Object value, DataType type, ZoneId zone) {
        if (value == null) {
            return null;
        }
        switch (type.kind()) {
            case BOOLEAN:
            case INT:
            case LONG:
            case DOUBLE:
            case STRING:
                return value.toString();
            case DECIMAL: return ((BigDecimal) value).toPlainString();
            case DATE: return ((LocalDate) value).toString();
            case TIMESTAMP: return TIMESTAMP_FORMAT.format(LocalDateTime.ofInstant((Instant) value, zone));
            case BINARY: throw new IllegalArgumentException("A binary column cannot be a partition column");
        }
        throw new AssertionError(type);
    }

    private static boolean isHex(String text, int at) {
        return at + 1 < text.length() && Character.digit(text.charAt(at), 16) >= 0
                && Character.digit(text.charAt(at + 1), 16) >= 0;
    }

    /** One {@code column=value} directory name, unescaped; {@code value} is null for the default partition. */
    public record Segment(String column, String value) {}
}
