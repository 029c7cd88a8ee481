package io.spindle.runtime.shuffle;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;

/**
 * Hashes of key columns, computed column by column into an int array. Every map task of a shuffle
 * hashes equal keys equally: hashes depend only on the values (doubles normalized so that -0.0
 * and 0.0, and all NaNs, agree — they compare equal).
 */
public final class KeyHasher {
    private static final int NULL_HASH = 0x5bd1e995;

    private KeyHasher() {}

    /** Mixes column {@code vector}'s row hashes into {@code hashes[0, rows)}. */
    public static void combine(ColumnVector vector, int rows, int[] hashes) {
        boolean[] nulls = vector.nulls();
        boolean noNulls = vector.noNulls();
        if (vector instanceof LongVector v) {
            long[] values = v.values();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : mix(values[r]));
            }
        } else if (vector instanceof IntVector v) {
            int[] values = v.values();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : mix(values[r]));
            }
        } else if (vector instanceof DoubleVector v) {
            double[] values = v.values();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : mix(normalizedBits(values[r])));
            }
        } else if (vector instanceof BytesVector v) {
            int[] offsets = v.offsets();
            byte[] data = v.data();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : hashBytes(data, offsets[r], offsets[r + 1]));
            }
        } else if (vector instanceof BooleanVector v) {
            boolean[] values = v.values();
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : (values[r] ? 1231 : 1237));
            }
        } else {
            DecimalVector v = (DecimalVector) vector;
            for (int r = 0; r < rows; r++) {
                hashes[r] = hashes[r] * 31 + (!noNulls && nulls[r] ? NULL_HASH : mix(v.high()[r] * 31 + v.low()[r]));
            }
        }
    }

    public static long normalizedBits(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToLongBits(value);
    }

    /** Murmur3's 64-bit finalizer, folded to 32 bits. */
    public static int mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    public static int hashBytes(byte[] data, int from, int to) {
        int h = 0x9747b28c;
        for (int i = from; i < to; i++) {
            h = h * 31 + data[i];
        }
        return mix(h);
    }
}
