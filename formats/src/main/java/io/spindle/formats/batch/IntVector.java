package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import java.time.LocalDate;
import java.util.Arrays;

/** 32-bit values: {@code int}, and {@code date} as days since 1970-01-01 (proleptic Gregorian). */
public final class IntVector extends ColumnVector {
    private int[] values;

    public IntVector(DataType type, int capacity) {
        super(type, capacity);
        if (type.kind() != TypeKind.INT && type.kind() != TypeKind.DATE) {
            throw new IllegalArgumentException("IntVector holds int or date, not " + type);
        }
        this.values = new int[capacity];
    }

    public int[] values() {
        return values;
    }

    public void set(int row, int value) {
        values[row] = value;
    }

    @Override
    protected void growValues(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected Object getValue(int row) {
        return type.kind() == TypeKind.DATE ? LocalDate.ofEpochDay(values[row]) : (Object) values[row];
    }

    @Override
    protected void setValue(int row, Object value) {
        if (type.kind() == TypeKind.DATE && value instanceof LocalDate) {
            values[row] = Math.toIntExact(((LocalDate) value).toEpochDay());
        } else if (type.kind() == TypeKind.INT && value instanceof Integer) {
            values[row] = (Integer) value;
        } else {
            throw wrongValue(value);
        }
    }
}
