package io.spindle.formats.parquet;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;

/**
 * Copies dictionary entries into a vector by id. The dictionary is already decoded into a vector
 * of the target type, so timestamp units, decimal widths and INT96 are converted once per
 * dictionary entry rather than once per row.
 */
final class DictionaryLookup {
    private DictionaryLookup() {}

    static void copy(ColumnVector dictionary, int[] ids, ColumnVector target, int offset, int count) {
        if (target instanceof IntVector ints) {
            int[] entries = ((IntVector) dictionary).values();
            int[] values = ints.values();
            for (int i = 0; i < count; i++) {
                values[offset + i] = entries[ids[i]];
            }
        } else if (target instanceof LongVector longs) {
            long[] entries = ((LongVector) dictionary).values();
            long[] values = longs.values();
            for (int i = 0; i < count; i++) {
                values[offset + i] = entries[ids[i]];
            }
        } else if (target instanceof DoubleVector doubles) {
            double[] entries = ((DoubleVector) dictionary).values();
            double[] values = doubles.values();
            for (int i = 0; i < count; i++) {
                values[offset + i] = entries[ids[i]];
            }
        } else if (target instanceof BytesVector bytes) {
            copyBytes((BytesVector) dictionary, ids, bytes, offset, count);
        } else if (target instanceof DecimalVector decimals) {
            DecimalVector entries = (DecimalVector) dictionary;
            for (int i = 0; i < count; i++) {
                decimals.set(offset + i, entries.high()[ids[i]], entries.low()[ids[i]]);
            }
        } else {
            boolean[] entries = ((BooleanVector) dictionary).values();
            boolean[] values = ((BooleanVector) target).values();
            for (int i = 0; i < count; i++) {
                values[offset + i] = entries[ids[i]];
            }
        }
    }

    private static void copyBytes(BytesVector dictionary, int[] ids, BytesVector target, int offset, int count) {
        byte[] data = dictionary.data();
        int[] offsets = dictionary.offsets();
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            target.set(offset + i, data, offsets[id], offsets[id + 1] - offsets[id]);
        }
    }
}
