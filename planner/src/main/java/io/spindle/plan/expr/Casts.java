package io.spindle.plan.expr;

import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * ANSI casts of single values in their Java form. Used by constant folding and by the runtime's
 * row-at-a-time path; the vectorized casts of the runtime follow the same rules.
 *
 * <ul>
 *   <li>Fractional to integral truncates toward zero (3.7 → 3, -3.7 → -3); out of range is an error.
 *   <li>A string that is not a valid number, boolean or date is an error ({@code '1.5'} to int too).
 *   <li>Decimals round half up when the scale shrinks; too many integral digits is an error.
 *   <li>Timestamps are UTC: the session time zone is fixed to UTC in this version.
 * </ul>
 */
public final class Casts {
    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private Casts() {}

    /** Whether ANSI mode allows casting {@code from} to {@code to} at all. */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || to.kind() == TypeKind.STRING || from.kind() == TypeKind.STRING) {
            return to.kind() != TypeKind.BINARY || from.kind() == TypeKind.STRING || from.kind() == TypeKind.BINARY;
        }
        boolean fromNumeric = DecimalTypes.isNumeric(from) || from.kind() == TypeKind.BOOLEAN;
        boolean toNumeric = DecimalTypes.isNumeric(to) || to.kind() == TypeKind.BOOLEAN;
        if (fromNumeric && toNumeric) {
            return true;
        }
        boolean fromTemporal = from.kind() == TypeKind.DATE || from.kind() == TypeKind.TIMESTAMP;
        boolean toTemporal = to.kind() == TypeKind.DATE || to.kind() == TypeKind.TIMESTAMP;
        return fromTemporal && toTemporal;
    }

    /** {@code value} (of type {@code from}, null allowed) as a value of {@code to}. */
    public static Object cast(Object value, DataType from, DataType to) {
        if (value == null || from.equals(to)) {
            return value;
        }
        switch (to.kind()) {
            case STRING: return toText(value, from);
            case BOOLEAN: return toBoolean(value, from);
            case INT: return (int) toIntegral(value, from, Integer.MIN_VALUE, Integer.MAX_VALUE, to);
            case LONG: return toIntegral(value, from, Long.MIN_VALUE, Long.MAX_VALUE, to);
            case DOUBLE: return toDouble(value, from);
            case DECIMAL: return toDecimal(value, from, (DecimalType) to);
            case DATE: return toDate(value, from);
            case TIMESTAMP: return toTimestamp(value, from);
            case BINARY: return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value;
        }
        throw new AssertionError(to);
    }

    /** Checks that a decimal fits its type's precision, rounding half up to its scale first. */
    public static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale() && scaled.signum() != 0) {
            throw new EvaluationException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal " + value.toPlainString()
                    + " does not fit " + type.simpleString());
        }
        return scaled;
    }

    private static String toText(Object value, DataType from) {
        switch (from.kind()) {
            case DECIMAL: return ((BigDecimal) value).toPlainString();
            case TIMESTAMP: return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC).format(TIMESTAMP_TEXT);
            case BINARY: return new String((byte[]) value, StandardCharsets.UTF_8);
            case BOOLEAN:
            case INT:
            case LONG:
            case DOUBLE:
            case STRING:
            case DATE:
                return String.valueOf(value);
        }
        throw new AssertionError(from);
    }

    private static Boolean toBoolean(Object value, DataType from) {
        if (value instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "t": case "true": case "y": case "yes": case "1": return true;
                case "f": case "false": case "n": case "no": case "0": return false;
                default: throw invalid(text, DataType.BOOLEAN);
            }
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        return ((Number) value).doubleValue() != 0;
    }

    private static long toIntegral(Object value, DataType from, long min, long max, DataType to) {
        BigDecimal exact;
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        } else if (value instanceof String text) {
            try {
                exact = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(text, to);
            }
            if (exact.stripTrailingZeros().scale() > 0) {
                throw invalid(text, to); // ANSI: '1.5' is not an int
            }
        } else if (value instanceof Double dbl) {
            if (dbl.isNaN() || dbl.isInfinite()) {
                throw castOverflow(value, to);
            }
            exact = new BigDecimal(dbl);
        } else if (value instanceof BigDecimal decimal) {
            exact = decimal;
        } else {
            long whole = ((Number) value).longValue();
            if (whole < min || whole > max) {
                throw castOverflow(value, to);
            }
            return whole;
        }
        BigDecimal truncated = exact.setScale(0, RoundingMode.DOWN);
        if (truncated.compareTo(BigDecimal.valueOf(min)) < 0 || truncated.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw castOverflow(value, to);
        }
        return truncated.longValueExact();
    }

    private static Double toDouble(Object value, DataType from) {
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(text, DataType.DOUBLE);
            }
        }
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        return ((Number) value).doubleValue();
    }

    private static BigDecimal toDecimal(Object value, DataType from, DecimalType to) {
        BigDecimal exact;
        if (value instanceof String text) {
            try {
                exact = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(text, to);
            }
        } else if (value instanceof Double dbl) {
            if (dbl.isNaN() || dbl.isInfinite()) {
                throw castOverflow(value, to);
            }
            exact = new BigDecimal(Double.toString(dbl)); // Spark converts through the shortest decimal text
        } else if (value instanceof Boolean bool) {
            exact = bool ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (value instanceof BigDecimal decimal) {
            exact = decimal;
        } else {
            exact = BigDecimal.valueOf(((Number) value).longValue());
        }
        return fit(exact, to);
    }

    private static LocalDate toDate(Object value, DataType from) {
        if (value instanceof Instant instant) {
            return LocalDate.ofEpochDay(Math.floorDiv(Timestamps.toMicros(instant), Timestamps.MICROS_PER_DAY));
        }
        String text = ((String) value).trim();
        int cut = indexOfTimePart(text);
        try {
            return LocalDate.parse(cut < 0 ? text : text.substring(0, cut));
        } catch (DateTimeParseException e) {
            throw invalid(text, DataType.DATE);
        }
    }

    private static Instant toTimestamp(Object value, DataType from) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String text = ((String) value).trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text.replace('T', ' '), TIMESTAMP_TEXT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(text, DataType.TIMESTAMP);
        }
    }

    private static int indexOfTimePart(String text) {
        int space = text.indexOf(' ');
        int t = text.indexOf('T');
        return space < 0 ? t : (t < 0 ? space : Math.min(space, t));
    }

    private static EvaluationException invalid(String text, DataType to) {
        return new EvaluationException(ErrorCode.CAST_INVALID_INPUT, "The value '" + text + "' cannot be cast to "
                + to.simpleString() + " because it is malformed");
    }

    private static EvaluationException castOverflow(Object value, DataType to) {
        return new EvaluationException(ErrorCode.CAST_OVERFLOW, "The value " + value + " cannot be cast to "
                + to.simpleString() + " due to an overflow");
    }
}
