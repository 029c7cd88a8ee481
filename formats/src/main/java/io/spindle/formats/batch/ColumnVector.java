package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import java.util.Arrays;

/**
 * One column of a {@link ColumnBatch}: a primitive array per physical representation plus a null
 * mask. Operators work on the arrays directly ({@code values()}, {@link #nulls()}) in tight loops;
 * the boxed {@link #get(int)} / {@link #set(int, Object)} view is for tests, debugging and slow
 * paths only.
 *
 * <p>Nulls: {@code nulls()[row]} is true for a null row. The mask is always valid (all false when
 * there are no nulls), and {@link #noNulls()} is a fast flag that lets a loop skip it entirely.
 * The value slot of a null row holds an unspecified value; never read it as data.
 *
 * <p>Which class holds which type: {@link BooleanVector} boolean; {@link IntVector} int and date
 * (days since epoch); {@link LongVector} long, timestamp (micros since epoch UTC) and decimal with
 * precision ≤ 18 (unscaled); {@link DoubleVector} double; {@link BytesVector} string (UTF-8) and
 * binary; {@link DecimalVector} decimal with precision > 18 (unscaled, 128-bit).
 */
public abstract sealed class ColumnVector
        permits BooleanVector, IntVector, LongVector, DoubleVector, BytesVector, DecimalVector {
    protected final DataType type;
    protected boolean[] isNull;
    protected boolean noNulls = true;

    protected ColumnVector(DataType type, int capacity) {
        this.type = type;
        this.isNull = new boolean[capacity];
    }

    /** A vector of the class that holds {@code type}, with room for {@code capacity} rows. */
    public static ColumnVector allocate(DataType type, int capacity) {
        switch (type.kind()) {
            case BOOLEAN: return new BooleanVector(capacity);
            case INT:
            case DATE:
                return new IntVector(type, capacity);
            case LONG:
            case TIMESTAMP:
                return new LongVector(type, capacity);
            case DECIMAL:
                return ((DecimalType) type).fitsInLong()
                        ? new LongVector(type, capacity) : new DecimalVector((DecimalType) type, capacity);
            case DOUBLE: return new DoubleVector(capacity);
            case STRING:
            case BINARY:
                return new BytesVector(type, capacity);
        }
        throw new AssertionError(type);
    }

    public final DataType type() {
        return type;
    }

    /** Rows this vector can hold without growing. */
    public final int capacity() {
        return isNull.length;
    }

    /** The null mask; valid for every row, all false when {@link #noNulls()}. */
    public final boolean[] nulls() {
        return isNull;
    }

    /** True when no row is null, so loops may ignore {@link #nulls()}. */
    public final boolean noNulls() {
        return noNulls;
    }

    public final boolean isNull(int row) {
        return isNull[row];
    }

    public void setNull(int row) {
        isNull[row] = true;
        noNulls = false;
    }

    /** Marks rows [from, to) null. */
    public void setNulls(int from, int to) {
        if (from < to) {
            Arrays.fill(isNull, from, to, true);
            noNulls = false;
        }
    }

    /**
     * Sets {@link #noNulls()} from the mask, after a decoder has written the mask directly.
     * {@code rowCount} bounds the scan.
     */
    public final void updateNoNulls(int rowCount) {
        boolean none = true;
        for (int row = 0; row < rowCount; row++) {
            if (isNull[row]) {
                none = false;
                break;
            }
        }
        noNulls = none;
    }

    /** Clears nulls and values so the vector can be refilled from row 0. */
    public void reset() {
        if (!noNulls) {
            Arrays.fill(isNull, false);
            noNulls = true;
        }
    }

    /** Grows to hold at least {@code capacity} rows, keeping the contents. */
    public void ensureCapacity(int capacity) {
        if (capacity > isNull.length) {
            isNull = Arrays.copyOf(isNull, capacity);
            growValues(capacity);
        }
    }

    protected abstract void growValues(int capacity);

    /**
     * The row as a Java value, or null: Boolean, Integer, Long, Double, BigDecimal (with the type's
     * scale), String, LocalDate, Instant or byte[] as {@link io.spindle.formats.types.TypeKind} documents.
     */
    public final Object get(int row) {
        return isNull[row] ? null : getValue(row);
    }

    protected abstract Object getValue(int row);

    /**
     * Sets a row from a Java value of the form {@link #get(int)} returns; null sets the row null.
     *
     * @throws IllegalArgumentException if the value does not fit the column's type
     */
    public final void set(int row, Object value) {
        if (value == null) {
            setNull(row);
        } else {
            setValue(row, value);
        }
    }

    protected abstract void setValue(int row, Object value);

    protected final IllegalArgumentException wrongValue(Object value) {
        return new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName() + " '"
                + value + "' in a " + type.simpleString() + " column");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + type.simpleString() + ")";
    }
}
