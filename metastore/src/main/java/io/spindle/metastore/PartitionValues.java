package io.spindle.metastore;

import io.spindle.formats.layout.PartitionPaths;
import io.spindle.formats.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Partition values as the metastore stores them (strings, {@code __HIVE_DEFAULT_PARTITION__} for
 * null) and as Spindle types them. Timestamps are zone-less in Hive and read as UTC.
 */
public final class PartitionValues {
    public static final String DEFAULT_PARTITION = PartitionPaths.DEFAULT_PARTITION_NAME;

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private PartitionValues() {}

    /** The typed value of a stored partition value; null for the default partition. */
    public static Object parse(String stored, DataType type, String column) {
        if (stored == null || stored.equals(DEFAULT_PARTITION)) {
            return null;
        }
        try {
            switch (type.kind()) {
                case BOOLEAN: return parseBoolean(stored);
                case INT: return Integer.parseInt(stored.trim());
                case LONG: return Long.parseLong(stored.trim());
                case DOUBLE: return Double.parseDouble(stored.trim());
                case DECIMAL: return new BigDecimal(stored.trim());
                case STRING: return stored;
                case DATE: return LocalDate.parse(stored.trim());
                case TIMESTAMP: return LocalDateTime.parse(stored.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC);
                case BINARY: throw new IllegalArgumentException("binary partition columns are not supported");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the error below, which names the column
        }
        throw new CatalogException(CatalogErrorCode.UNSUPPORTED_TABLE, "Partition column '" + column + "' of type "
                + type.simpleString() + " has the value '" + stored + "', which is not a " + type.simpleString());
    }

    public static List<Object> parseAll(List<String> stored, io.spindle.formats.types.Schema schema) {
        List<Object> values = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            values.add(parse(stored.get(i), schema.field(i).type(), schema.field(i).name()));
        }
        return values;
    }

    /** The stored form of a typed value; {@code __HIVE_DEFAULT_PARTITION__} for null or the empty string. */
    public static String format(Object value, DataType type) {
        String text = PartitionPaths.format(value, type, ZoneOffset.UTC);
        return text == null || text.isEmpty() ? DEFAULT_PARTITION : text;
    }

    private static Boolean parseBoolean(String stored) {
        String lower = stored.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        throw new NumberFormatException(stored);
    }
}
