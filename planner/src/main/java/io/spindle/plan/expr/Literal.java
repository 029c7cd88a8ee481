package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A constant in the Java form of its type (see {@link io.spindle.formats.types.TypeKind}); null for
 * SQL NULL. A null literal adopts whatever type coercion asks of it, since NULL of any type is NULL:
 * {@code lit(null)} is typed string until then.
 */
public record Literal(Object value, DataType dataType) implements LeafExpression {

    public Literal {
        Objects.requireNonNull(dataType, "dataType");
        if (value instanceof BigDecimal decimal && dataType instanceof DecimalType type
                && decimal.scale() != type.scale()) {
            value = decimal.setScale(type.scale());
        }
    }

    public static final Literal TRUE = new Literal(true, DataType.BOOLEAN);
    public static final Literal FALSE = new Literal(false, DataType.BOOLEAN);

    public static Literal nullOf(DataType type) {
        return new Literal(null, type);
    }

    /** The literal of a Java value, typed as Spark types it: 1 is int, 1L long, 1.5 double, BigDecimal decimal(p,s). */
    public static Literal of(Object value) {
        if (value == null) {
            return new Literal(null, DataType.STRING);
        }
        if (value instanceof Literal literal) {
            return literal;
        }
        if (value instanceof Boolean) {
            return new Literal(value, DataType.BOOLEAN);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Literal(((Number) value).intValue(), DataType.INT);
        }
        if (value instanceof Long) {
            return new Literal(value, DataType.LONG);
        }
        if (value instanceof Double || value instanceof Float) {
            return new Literal(((Number) value).doubleValue(), DataType.DOUBLE);
        }
        if (value instanceof BigDecimal decimal) {
            int scale = Math.max(0, decimal.scale());
            BigDecimal scaled = decimal.setScale(scale);
            int precision = Math.max(scaled.precision(), scale);
            return new Literal(scaled, DataType.decimal(Math.max(1, precision), scale));
        }
        if (value instanceof String) {
            return new Literal(value, DataType.STRING);
        }
        if (value instanceof LocalDate) {
            return new Literal(value, DataType.DATE);
        }
        if (value instanceof Instant) {
            return new Literal(value, DataType.TIMESTAMP);
        }
        if (value instanceof byte[]) {
            return new Literal(value, DataType.BINARY);
        }
        throw new IllegalArgumentException("Unsupported literal " + value.getClass().getName() + ": " + value);
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Literal that) || !that.dataType.equals(dataType)) {
            return false;
        }
        if (value instanceof byte[] bytes && that.value instanceof byte[] thoseBytes) {
            return Arrays.equals(bytes, thoseBytes);
        }
        return Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hash(value, dataType);
    }

    @Override
    public String toString() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString() + "BD";
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof LocalDate) {
            return "DATE '" + value + "'";
        }
        if (value instanceof Instant) {
            return "TIMESTAMP '" + value + "'";
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        return String.valueOf(value);
    }
}
