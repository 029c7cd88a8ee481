package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * 64-bit values: {@code long}; {@code timestamp} as microseconds since 1970-01-01T00:00:00Z; and
 * {@code decimal(p,s)} with p ≤ 18 as the unscaled value (decimal(10,2) 12.34 is stored as 1234).
 */
public final class LongVector extends ColumnVector {
    private long[] values;

    public LongVector(DataType type, int capacity) {
        super(type, capacity);
        boolean holdsLong = type.kind() == TypeKind.LONG || type.kind() == TypeKind.TIMESTAMP
                || (type.kind() == TypeKind.DECIMAL && ((DecimalType) type).fitsInLong());
        if (!holdsLong) {
            throw new IllegalArgumentException("LongVector holds long, timestamp or decimal(p≤18,s), not " + type);
        }
        this.values = new long[capacity];
    }

    public long[] values() {
        return values;
    }

    public void set(int row, long value) {
        values[row] = value;
    }

    @Override
    protected void growValues(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected Object getValue(int row) {
        long value = values[row];
        switch (type.kind()) {
            case TIMESTAMP: return Timestamps.toInstant(value);
            case DECIMAL: return BigDecimal.valueOf(value, ((DecimalType) type).scale());
            default: return value;
        }
    }

    @Override
    protected void setValue(int row, Object value) {
        if (type.kind() == TypeKind.LONG && value instanceof Long) {
            values[row] = (Long) value;
        } else if (type.kind() == TypeKind.TIMESTAMP && value instanceof Instant) {
            values[row] = Timestamps.toMicros((Instant) value);
        } else if (type.kind() == TypeKind.DECIMAL && value instanceof BigDecimal) {
            values[row] = Decimals.unscaled((BigDecimal) value, (DecimalType) type).longValueExact();
        } else {
            throw wrongValue(value);
        }
    }
}
