package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import java.util.Arrays;

/** Booleans, one {@code boolean} per row: operators index it like any other primitive array. */
public final class BooleanVector extends ColumnVector {
    private boolean[] values;

    public BooleanVector(int capacity) {
        super(DataType.BOOLEAN, capacity);
        this.values = new boolean[capacity];
    }

    public boolean[] values() {
        return values;
    }

    public void set(int row, boolean value) {
        values[row] = value;
    }

    @Override
    protected void growValues(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected Object getValue(int row) {
        return values[row];
    }

    @Override
    protected void setValue(int row, Object value) {
        if (!(value instanceof Boolean)) {
            throw wrongValue(value);
        }
        values[row] = (Boolean) value;
    }
}
