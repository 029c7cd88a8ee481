package io.spindle.formats.types;

import java.util.Objects;

/**
 * {@code decimal(precision, scale)}: a number with {@code precision} decimal digits of which
 * {@code scale} are after the point. Values with precision ≤ {@link #MAX_LONG_PRECISION} are held
 * as an unscaled {@code long} in column vectors, larger ones as 128-bit integers.
 */
public final class DecimalType implements DataType {
    private static final long serialVersionUID = 1L;

    /** Largest precision Spindle supports, as Spark and Hive. */
    public static final int MAX_PRECISION = 38;
    /** Largest precision whose unscaled values always fit a long (10^18 - 1 < 2^63). */
    public static final int MAX_LONG_PRECISION = 18;
    /** Largest precision whose unscaled values always fit an int (10^9 - 1 < 2^31). */
    public static final int MAX_INT_PRECISION = 9;

    private final int precision;
    private final int scale;

    DecimalType(int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be from 1 to " + MAX_PRECISION
                    + ", got decimal(" + precision + "," + scale + ")");
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be from 0 to the precision, got decimal("
                    + precision + "," + scale + ")");
        }
        this.precision = precision;
        this.scale = scale;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    /** Whether unscaled values of this type fit a {@code long} (precision ≤ 18). */
    public boolean fitsInLong() {
        return precision <= MAX_LONG_PRECISION;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.DECIMAL;
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecimalType && ((DecimalType) other).precision == precision
                && ((DecimalType) other).scale == scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, scale);
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
