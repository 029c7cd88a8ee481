package io.spindle.formats.predicate;

import io.spindle.formats.types.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Literal values of pushed predicates: exact conversion to a column's type, and the ordering of
 * values of each type. Values are in the Java form of {@link io.spindle.formats.types.TypeKind}.
 */
public final class Literals {
    private Literals() {}

    /**
     * The literal as a value of {@code type}, or empty if it cannot be represented exactly: an int
     * column compared with 2.5 or with a string is not an error here, it just cannot drive skipping.
     */
    public static Optional<Object> coerce(Object literal, DataType type) {
        switch (type.kind()) {
            case BOOLEAN: return literal instanceof Boolean ? Optional.of(literal) : Optional.empty();
            case INT: return exactDecimal(literal).flatMap(Literals::toInt);
            case LONG: return exactDecimal(literal).flatMap(Literals::toLong);
            case DOUBLE: return toDouble(literal);
            case DECIMAL: return exactDecimal(literal).map(Literals::toDecimal);
            case STRING: return literal instanceof String ? Optional.of(literal) : Optional.empty();
            case DATE: return literal instanceof LocalDate ? Optional.of(literal) : Optional.empty();
            case TIMESTAMP: return literal instanceof Instant ? Optional.of(literal) : Optional.empty();
            case BINARY: return literal instanceof byte[] ? Optional.of(literal) : Optional.empty();
        }
        throw new AssertionError(type);
    }

    /**
     * Orders two non-null values of {@code type}. Strings order by Unicode code point, which is the
     * UTF-8 byte order Parquet statistics use (Java's {@code compareTo} orders UTF-16 units and
     * disagrees above U+FFFF). Doubles order as Spark's do: -0.0 equals 0.0 and NaN is larger than
     * every other value and equal to itself.
     */
    @SuppressWarnings("unchecked")
    public static int compare(Object left, Object right, DataType type) {
        switch (type.kind()) {
            case DOUBLE: return compareDoubles((Double) left, (Double) right);
            case STRING: return compareCodePoints((String) left, (String) right);
            case BINARY: return Arrays.compareUnsigned((byte[]) left, (byte[]) right);
            case DECIMAL: return ((BigDecimal) left).compareTo((BigDecimal) right);
            default: return ((Comparable<Object>) left).compareTo(right);
        }
    }

    public static int compareDoubles(double left, double right) {
        return left == right ? 0 : Double.compare(left, right);
    }

    static String format(Object literal) {
        if (literal instanceof String) {
            return "'" + ((String) literal).replace("'", "''") + "'";
        }
        if (literal instanceof byte[]) {
            return "X'" + HexFormat.of().formatHex((byte[]) literal) + "'";
        }
        if (literal instanceof LocalDate) {
            return "DATE '" + literal + "'";
        }
        if (literal instanceof Instant) {
            return "TIMESTAMP '" + literal + "'";
        }
        return String.valueOf(literal);
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    private static Optional<BigDecimal> exactDecimal(Object literal) {
        if (literal instanceof Integer || literal instanceof Long) {
            return Optional.of(BigDecimal.valueOf(((Number) literal).longValue()));
        }
        if (literal instanceof BigDecimal) {
            return Optional.of((BigDecimal) literal);
        }
        if (literal instanceof Double && Double.isFinite((Double) literal)) {
            return Optional.of(new BigDecimal((Double) literal)); // exact binary value, no rounding
        }
        return Optional.empty();
    }

    private static Optional<Object> toInt(BigDecimal value) {
        try {
            return Optional.of(value.intValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> toLong(BigDecimal value) {
        try {
            return Optional.of(value.longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Object toDecimal(BigDecimal value) {
        // Decimal order does not depend on scale, so the exact value serves whatever the column's scale.
        return value;
    }

    private static Optional<Object> toDouble(Object literal) {
        if (literal instanceof Double) {
            return Optional.of(literal);
        }
        Optional<BigDecimal> exact = exactDecimal(literal);
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        double converted = exact.get().doubleValue();
        return new BigDecimal(converted).compareTo(exact.get()) == 0 ? Optional.of(converted) : Optional.empty();
    }
}
