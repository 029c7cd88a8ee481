package io.spindle.formats.layout;

import io.spindle.formats.batch.Decimals;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Types of partition values read from directory names, following Spark's partition column type
 * inference: each value is tried as int, long, decimal (integers too large for a long), double,
 * date, timestamp, and is otherwise a string; the column's type is then the widest over all its
 * directories.
 *
 * <p>One deliberate difference from Spark: an integer is inferred only when its text is canonical,
 * so {@code zip=01234} and {@code n=+5} stay strings instead of silently losing their leading
 * zero or sign (a known Spark trap with zip codes and account numbers).
 */
final class PartitionTypeInference {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]*");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?");

    private PartitionTypeInference() {}

    /** The narrowest type of one non-null raw value. */
    static DataType infer(String raw) {
        if (INTEGER.matcher(raw).matches() && !CANONICAL_INTEGER.matcher(raw).matches()) {
            return DataType.STRING; // 007, +5, -0: the text would not survive a round trip through a number
        }
        if (CANONICAL_INTEGER.matcher(raw).matches()) {
            BigDecimal value = new BigDecimal(raw);
            if (value.toBigInteger().bitLength() < 32) {
                return DataType.INT;
            }
            if (value.toBigInteger().bitLength() < 64) {
                return DataType.LONG;
            }
            if (value.precision() <= DecimalType.MAX_PRECISION) {
                return DataType.decimal(value.precision(), 0);
            }
            return DataType.STRING;
        }
        if (isDouble(raw)) {
            return DataType.DOUBLE;
        }
        if (DATE.matcher(raw).matches() && parses(() -> LocalDate.parse(raw))) {
            return DataType.DATE;
        }
        if (TIMESTAMP.matcher(raw).matches() && parses(() -> parseTimestamp(raw))) {
            return DataType.TIMESTAMP;
        }
        return DataType.STRING;
    }

    /** The type both values fit, as Spark's findWiderTypeForPartitionColumn; null stands for "only nulls so far". */
    static DataType wider(DataType left, DataType right) {
        if (left == null || left.equals(right)) {
            return right;
        }
        if (right == null) {
            return left;
        }
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if (isIntegral(a) && isIntegral(b)) {
            return DataType.LONG;
        }
        if ((isIntegral(a) && b == TypeKind.DOUBLE) || (a == TypeKind.DOUBLE && isIntegral(b))) {
            return DataType.DOUBLE;
        }
        if (a == TypeKind.DECIMAL || b == TypeKind.DECIMAL) {
            return widerDecimal(left, right);
        }
        if ((a == TypeKind.DATE && b == TypeKind.TIMESTAMP) || (a == TypeKind.TIMESTAMP && b == TypeKind.DATE)) {
            return DataType.TIMESTAMP;
        }
        return DataType.STRING;
    }

    /**
     * The raw text as a value of {@code type}, or throws {@link IllegalArgumentException} when it
     * does not fit. Used both for inferred types (which always fit) and for declared ones.
     */
    static Object convert(String raw, DataType type, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        try {
            switch (type.kind()) {
                case BOOLEAN: return parseBoolean(raw);
                case INT: return Integer.parseInt(raw);
                case LONG: return Long.parseLong(raw);
                case DOUBLE: return Double.parseDouble(raw);
                case DECIMAL:
                    DecimalType decimal = (DecimalType) type;
                    return new BigDecimal(Decimals.unscaled(new BigDecimal(raw), decimal), decimal.scale());
                case STRING: return raw;
                case DATE: return LocalDate.parse(raw);
                case TIMESTAMP:
                    return DATE.matcher(raw).matches()
                            ? LocalDate.parse(raw).atStartOfDay(zone).toInstant()
                            : parseTimestamp(raw).atZone(zone).toInstant();
                case BINARY: throw new IllegalArgumentException("a binary column cannot be a partition column");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid " + type.simpleString(), e);
        }
        throw new AssertionError(type);
    }

    private static DataType widerDecimal(DataType left, DataType right) {
        if (left.kind() == TypeKind.DOUBLE || right.kind() == TypeKind.DOUBLE
                || !isNumeric(left.kind()) || !isNumeric(right.kind())) {
            return DataType.STRING; // Spark: a decimal and a double, or a decimal and a non-number, meet as strings
        }
        int integerDigits = Math.max(integerDigits(left), integerDigits(right));
        return integerDigits <= DecimalType.MAX_PRECISION ? DataType.decimal(integerDigits, 0) : DataType.STRING;
    }

    private static int integerDigits(DataType type) {
        switch (type.kind()) {
            case INT: return 10;
            case LONG: return 19;
            default: return ((DecimalType) type).precision() - ((DecimalType) type).scale();
        }
    }

    private static boolean isIntegral(TypeKind kind) {
        return kind == TypeKind.INT || kind == TypeKind.LONG;
    }

    private static boolean isNumeric(TypeKind kind) {
        return isIntegral(kind) || kind == TypeKind.DECIMAL || kind == TypeKind.DOUBLE;
    }

    /** Spark's rule: anything Java parses as a double, except Java's {@code 1.5d} / {@code 1.5f} suffixes. */
    private static boolean isDouble(String raw) {
        char last = Character.toLowerCase(raw.charAt(raw.length() - 1));
        return last != 'd' && last != 'f' && parses(() -> Double.parseDouble(raw));
    }

    private static LocalDateTime parseTimestamp(String raw) {
        return LocalDateTime.parse(raw.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static Boolean parseBoolean(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new NumberFormatException("not a boolean: " + raw);
        }
        return Boolean.valueOf(lower);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
