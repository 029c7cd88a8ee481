package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import java.util.Arrays;

/** IEEE 754 doubles. */
public final class DoubleVector extends ColumnVector {
    private double[] values;

    public DoubleVector(int capacity) {
        super(DataType.DOUBLE, capacity);
        this.values = new double[capacity];
    }

    public double[] values() {
        return values;
    }

    public void set(int row, double value) {
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
        if (!(value instanceof Double)) {
            throw wrongValue(value);
        }
        values[row] = (Double) value;
    }
}
