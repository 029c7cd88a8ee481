package io.spindle.formats.orc;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.types.DecimalType;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;

/**
 * Copies rows {@code [from, from + count)} of a Spindle vector into rows {@code [0, count)} of an
 * ORC vector, the reverse of {@link OrcVectorCopier}. Strings are passed by reference into the
 * Spindle buffer: ORC copies them into its own streams before {@code addRowBatch} returns.
 */
final class OrcVectorFiller {
    private final byte[] decimalBytes = new byte[16];

    void fill(ColumnVector source, org.apache.hadoop.hive.ql.exec.vector.ColumnVector target, int from, int count) {
        target.reset();
        target.isRepeating = false;
        if (!source.noNulls()) {
            System.arraycopy(source.nulls(), from, target.isNull, 0, count);
            target.noNulls = false;
        }
        switch (source.type().kind()) {
            case BOOLEAN -> {
                boolean[] values = ((BooleanVector) source).values();
                long[] out = ((LongColumnVector) target).vector;
                for (int i = 0; i < count; i++) {
                    out[i] = values[from + i] ? 1 : 0;
                }
            }
            case INT, DATE -> {
                int[] values = ((IntVector) source).values();
                long[] out = ((LongColumnVector) target).vector;
                for (int i = 0; i < count; i++) {
                    out[i] = values[from + i];
                }
            }
            case LONG -> System.arraycopy(((LongVector) source).values(), from, ((LongColumnVector) target).vector, 0, count);
            case DOUBLE -> System.arraycopy(((DoubleVector) source).values(), from, ((DoubleColumnVector) target).vector,
                    0, count);
            case STRING, BINARY -> fillBytes((BytesVector) source, (BytesColumnVector) target, from, count);
            case TIMESTAMP -> {
                long[] values = ((LongVector) source).values();
                TimestampColumnVector timestamps = (TimestampColumnVector) target;
                for (int i = 0; i < count; i++) {
                    long micros = values[from + i];
                    timestamps.time[i] = Math.floorDiv(micros, 1000L);
                    timestamps.nanos[i] = (int) Math.floorMod(micros, Timestamps.MICROS_PER_SECOND) * 1000;
                }
            }
            case DECIMAL -> fillDecimals(source, target, from, count);
        }
    }

    private static void fillBytes(BytesVector source, BytesColumnVector target, int from, int count) {
        byte[] data = source.data();
        int[] offsets = source.offsets();
        boolean[] nulls = source.nulls();
        boolean noNulls = source.noNulls();
        for (int i = 0; i < count; i++) {
            int row = from + i;
            if (noNulls || !nulls[row]) {
                target.setRef(i, data, offsets[row], offsets[row + 1] - offsets[row]);
            }
        }
    }

    private void fillDecimals(ColumnVector source, org.apache.hadoop.hive.ql.exec.vector.ColumnVector target, int from,
            int count) {
        int scale = ((DecimalType) source.type()).scale();
        if (source instanceof LongVector longs && target instanceof Decimal64ColumnVector decimal64) {
            System.arraycopy(longs.values(), from, decimal64.vector, 0, count);
            return;
        }
        DecimalColumnVector decimals = (DecimalColumnVector) target;
        for (int i = 0; i < count; i++) {
            int row = from + i;
            if (source.isNull(row)) {
                continue;
            }
            if (source instanceof LongVector longs) {
                decimals.vector[i].setFromLongAndScale(longs.values()[row], scale);
            } else {
                DecimalVector wide = (DecimalVector) source;
                putBigEndian(wide.high()[row], wide.low()[row]);
                decimals.vector[i].setFromBigIntegerBytesAndScale(decimalBytes, scale);
            }
        }
    }

    private void putBigEndian(long high, long low) {
        for (int i = 0; i < 8; i++) {
            decimalBytes[i] = (byte) (high >>> (56 - 8 * i));
            decimalBytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
    }
}
