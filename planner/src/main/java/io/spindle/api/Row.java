package io.spindle.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable row of values in the Java form of their column types: Boolean, Integer, Long,
 * Double, BigDecimal, String, LocalDate, Instant, byte[]; null for SQL NULL.
 */
public final class Row implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Object[] values;

    private Row(Object[] values) {
        this.values = values;
    }

    public static Row of(Object... values) {
        return new Row(values.clone());
    }

    /** Spark's {@code RowFactory.create}. */
    public static Row create(Object... values) {
        return of(values);
    }

    static Row wrap(Object[] values) {
        return new Row(values);
    }

    public int size() {
        return values.length;
    }

    public Object get(int i) {
        return values[i];
    }

    public boolean isNullAt(int i) {
        return values[i] == null;
    }

    public boolean getBoolean(int i) {
        return (Boolean) nonNull(i);
    }

    public int getInt(int i) {
        return (Integer) nonNull(i);
    }

    public long getLong(int i) {
        return (Long) nonNull(i);
    }

    public double getDouble(int i) {
        return (Double) nonNull(i);
    }

    public String getString(int i) {
        return (String) values[i];
    }

    public BigDecimal getDecimal(int i) {
        return (BigDecimal) values[i];
    }

    public LocalDate getDate(int i) {
        return (LocalDate) values[i];
    }

    public Instant getTimestamp(int i) {
        return (Instant) values[i];
    }

    public List<Object> toList() {
        return Arrays.asList(values.clone());
    }

    private Object nonNull(int i) {
        if (values[i] == null) {
            throw new NullPointerException("Value at " + i + " is null; check isNullAt(" + i + ") first");
        }
        return values[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.stream(values).map(value -> value instanceof byte[] bytes ? Arrays.toString(bytes)
                : String.valueOf(value)).collect(Collectors.joining(",", "[", "]"));
    }
}
