package io.spindle.formats.batch;

import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Decimals with precision 19 to 38, as 128-bit two's complement unscaled values split into a high
 * and a low {@code long} ({@code unscaled = high * 2^64 + unsigned(low)}). Two primitive arrays
 * keep wide-decimal arithmetic allocation-free, unlike one BigDecimal per row.
 */
public final class DecimalVector extends ColumnVector {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final int scale;
    private long[] high;
    private long[] low;

    public DecimalVector(DecimalType type, int capacity) {
        super(type, capacity);
        this.scale = type.scale();
        this.high = new long[capacity];
        this.low = new long[capacity];
    }

    public long[] high() {
        return high;
    }

    public long[] low() {
        return low;
    }

    public void set(int row, long highBits, long lowBits) {
        high[row] = highBits;
        low[row] = lowBits;
    }

    /**
     * Sets a row from a big-endian two's complement unscaled value of 1 to 16 bytes, the form
     * Parquet and Hive use for binary decimals.
     */
    public void setBigEndian(int row, byte[] bytes, int offset, int length) {
        long hi = bytes[offset] < 0 ? -1L : 0L; // sign extension
        long lo = hi;
        for (int i = 0; i < length; i++) {
            hi = (hi << 8) | (lo >>> 56);
            lo = (lo << 8) | (bytes[offset + i] & 0xFF);
        }
        high[row] = hi;
        low[row] = lo;
    }

    public BigInteger unscaled(int row) {
        BigInteger lowPart = BigInteger.valueOf(low[row]);
        if (low[row] < 0) {
            lowPart = lowPart.add(TWO_TO_64);
        }
        return BigInteger.valueOf(high[row]).shiftLeft(64).add(lowPart);
    }

    @Override
    protected void growValues(int capacity) {
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
    }

    @Override
    protected Object getValue(int row) {
        return new BigDecimal(unscaled(row), scale);
    }

    @Override
    protected void setValue(int row, Object value) {
        if (!(value instanceof BigDecimal)) {
            throw wrongValue(value);
        }
        BigInteger unscaled = Decimals.unscaled((BigDecimal) value, (DecimalType) type);
        high[row] = unscaled.shiftRight(64).longValue();
        low[row] = unscaled.longValue();
    }
}
