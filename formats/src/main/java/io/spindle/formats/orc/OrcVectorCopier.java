package io.spindle.formats.orc;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.batch.Timestamps;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.serde2.io.HiveDecimalWritable;

/**
 * Copies rows {@code [0, count)} of an ORC column vector into an empty Spindle vector. Fixed-width
 * values move with {@link System#arraycopy} or a flat loop; ORC's "repeating" vectors (one value
 * for the whole batch) are expanded. Null slots are copied like any other, as Spindle leaves the
 * value of a null row unspecified; byte vectors write null rows empty, as they must.
 */
final class OrcVectorCopier {
    private static final long MILLIS_PER_SECOND = 1000L;
    private static final int NANOS_PER_MICRO = 1000;

    void copy(OrcConversion conversion, org.apache.hadoop.hive.ql.exec.vector.ColumnVector source,
            ColumnVector target, int count, int scale) {
        if (conversion == OrcConversion.BYTES) {
            copyBytes((BytesColumnVector) source, (BytesVector) target, count);
            return;
        }
        if (source.isRepeating) {
            copyRepeating(conversion, source, target, count, scale);
            return;
        }
        switch (conversion) {
            case LONG_TO_BOOLEAN -> {
                long[] values = ((LongColumnVector) source).vector;
                boolean[] out = ((BooleanVector) target).values();
                for (int i = 0; i < count; i++) {
                    out[i] = values[i] != 0;
                }
            }
            case LONG_TO_INT -> {
                long[] values = ((LongColumnVector) source).vector;
                int[] out = ((IntVector) target).values();
                for (int i = 0; i < count; i++) {
                    out[i] = (int) values[i];
                }
            }
            case LONG_TO_LONG -> System.arraycopy(((LongColumnVector) source).vector, 0,
                    ((LongVector) target).values(), 0, count);
            case DOUBLE -> System.arraycopy(((DoubleColumnVector) source).vector, 0,
                    ((DoubleVector) target).values(), 0, count);
            case DECIMAL_TO_LONG -> copyDecimalsToLong(source, (LongVector) target, count, scale);
            case DECIMAL_TO_WIDE -> copyDecimalsToWide(source, (DecimalVector) target, count, scale);
            case TIMESTAMP_TO_MICROS -> {
                TimestampColumnVector timestamps = (TimestampColumnVector) source;
                long[] out = ((LongVector) target).values();
                for (int i = 0; i < count; i++) {
                    out[i] = micros(timestamps.time[i], timestamps.nanos[i]);
                }
            }
            case BYTES -> throw new AssertionError(conversion);
        }
        copyNulls(source, target, count);
    }

    /** ORC keeps millis (with the sub-second part) in {@code time} and the full sub-second nanos in {@code nanos}. */
    static long micros(long millis, int nanos) {
        return Math.floorDiv(millis, MILLIS_PER_SECOND) * Timestamps.MICROS_PER_SECOND + nanos / NANOS_PER_MICRO;
    }

    private static void copyNulls(org.apache.hadoop.hive.ql.exec.vector.ColumnVector source, ColumnVector target,
            int count) {
        if (!source.noNulls) {
            System.arraycopy(source.isNull, 0, target.nulls(), 0, count);
            target.updateNoNulls(count);
        }
    }

    private void copyRepeating(OrcConversion conversion, org.apache.hadoop.hive.ql.exec.vector.ColumnVector source,
            ColumnVector target, int count, int scale) {
        if (!source.noNulls && source.isNull[0]) {
            target.setNulls(0, count);
            return;
        }
        switch (conversion) {
            case LONG_TO_BOOLEAN -> java.util.Arrays.fill(((BooleanVector) target).values(), 0, count,
                    ((LongColumnVector) source).vector[0] != 0);
            case LONG_TO_INT -> java.util.Arrays.fill(((IntVector) target).values(), 0, count,
                    (int) ((LongColumnVector) source).vector[0]);
            case LONG_TO_LONG -> java.util.Arrays.fill(((LongVector) target).values(), 0, count,
                    ((LongColumnVector) source).vector[0]);
            case DOUBLE -> java.util.Arrays.fill(((DoubleVector) target).values(), 0, count,
                    ((DoubleColumnVector) source).vector[0]);
            case DECIMAL_TO_LONG -> {
                copyDecimalsToLong(source, (LongVector) target, 1, scale);
                long[] values = ((LongVector) target).values();
                java.util.Arrays.fill(values, 1, count, values[0]);
            }
            case DECIMAL_TO_WIDE -> {
                DecimalVector wide = (DecimalVector) target;
                copyDecimalsToWide(source, wide, 1, scale);
                java.util.Arrays.fill(wide.high(), 1, count, wide.high()[0]);
                java.util.Arrays.fill(wide.low(), 1, count, wide.low()[0]);
            }
            case TIMESTAMP_TO_MICROS -> {
                TimestampColumnVector timestamps = (TimestampColumnVector) source;
                java.util.Arrays.fill(((LongVector) target).values(), 0, count,
                        micros(timestamps.time[0], timestamps.nanos[0]));
            }
            case BYTES -> throw new AssertionError(conversion);
        }
    }

    private static void copyBytes(BytesColumnVector source, BytesVector target, int count) {
        boolean nulls = !source.noNulls;
        if (source.isRepeating) {
            for (int i = 0; i < count; i++) {
                if (nulls && source.isNull[0]) {
                    target.setNull(i);
                } else {
                    target.set(i, source.vector[0], source.start[0], source.length[0]);
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            if (nulls && source.isNull[i]) {
                target.setNull(i);
            } else {
                target.set(i, source.vector[i], source.start[i], source.length[i]);
            }
        }
    }

    /** A Decimal64 vector already holds unscaled longs at the file's scale, which is the required scale. */
    private static void copyDecimalsToLong(org.apache.hadoop.hive.ql.exec.vector.ColumnVector source,
            LongVector target, int count, int scale) {
        long[] out = target.values();
        if (source instanceof Decimal64ColumnVector decimal64) {
            System.arraycopy(decimal64.vector, 0, out, 0, count);
            return;
        }
        HiveDecimalWritable[] values = ((DecimalColumnVector) source).vector;
        for (int i = 0; i < count; i++) {
            if (source.noNulls || !source.isNull[i]) {
                out[i] = values[i].serialize64(scale);
            }
        }
    }

    private void copyDecimalsToWide(org.apache.hadoop.hive.ql.exec.vector.ColumnVector source, DecimalVector target,
            int count, int scale) {
        if (source instanceof Decimal64ColumnVector decimal64) {
            long[] values = decimal64.vector;
            for (int i = 0; i < count; i++) {
                target.set(i, values[i] < 0 ? -1L : 0L, values[i]);
            }
            return;
        }
        HiveDecimalWritable[] values = ((DecimalColumnVector) source).vector;
        for (int i = 0; i < count; i++) {
            if (source.noNulls || !source.isNull[i]) {
                // HiveDecimal trims trailing zeros, so ask for the bytes at the column's scale.
                byte[] bytes = values[i].getHiveDecimal().bigIntegerBytesScaled(scale);
                target.setBigEndian(i, bytes, 0, bytes.length);
            }
        }
    }
}
