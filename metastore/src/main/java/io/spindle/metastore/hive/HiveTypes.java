package io.spindle.metastore.hive;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hive column types and Spindle's. Reading widens where Spindle has one type for several of
 * Hive's (tinyint/smallint/int → int, float → double, varchar/char → string); writing picks the
 * Hive type that holds the Spindle type exactly. Nested and interval types are not supported.
 */
public final class HiveTypes {
    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Pattern VARCHAR_OR_CHAR = Pattern.compile("(?:varchar|char)\\s*\\(\\s*\\d+\\s*\\)");
    static final String SUPPORTED = "boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), "
            + "string, varchar(n), char(n), date, timestamp, binary";

    private HiveTypes() {}

    /**
     * The Spindle type of a Hive column type.
     *
     * @param where names the column in the error, e.g. {@code column 'tags' of db.t}
     * @throws CatalogException {@link CatalogErrorCode#UNSUPPORTED_TYPE} naming the column and the type
     */
    public static DataType toSpindle(String hiveType, String where) {
        String type = hiveType == null ? "" : hiveType.trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "boolean": return DataType.BOOLEAN;
            case "tinyint":
            case "smallint":
            case "int":
            case "integer": return DataType.INT;
            case "bigint": return DataType.LONG;
            case "float":
            case "double":
            case "double precision": return DataType.DOUBLE;
            case "string": return DataType.STRING;
            case "date": return DataType.DATE;
            case "timestamp": return DataType.TIMESTAMP;
            case "binary": return DataType.BINARY;
            default: break;
        }
        if (VARCHAR_OR_CHAR.matcher(type).matches()) {
            return DataType.STRING;
        }
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            // Hive's bare DECIMAL is decimal(10,0), as Spark's.
            int precision = decimal.group(1) == null ? 10 : Integer.parseInt(decimal.group(1));
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            if (precision >= 1 && precision <= DecimalType.MAX_PRECISION && scale <= precision) {
                return DataType.decimal(precision, scale);
            }
        }
        throw new CatalogException(CatalogErrorCode.UNSUPPORTED_TYPE, "The " + where + " has type '" + hiveType
                + "', which Spindle does not support; supported types are " + SUPPORTED);
    }

    /** The Hive type that stores a Spindle type exactly. */
    public static String toHive(DataType type) {
        switch (type.kind()) {
            case BOOLEAN: return "boolean";
            case INT: return "int";
            case LONG: return "bigint";
            case DOUBLE: return "double";
            case DECIMAL: return type.simpleString();
            case STRING: return "string";
            case DATE: return "date";
            case TIMESTAMP: return "timestamp";
            case BINARY: return "binary";
        }
        throw new AssertionError(type);
    }
}
