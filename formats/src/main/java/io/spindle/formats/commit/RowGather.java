package io.spindle.formats.commit;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.Schema;

/** Copies chosen rows of chosen columns into a new batch, on the primitive arrays (no boxing). */
final class RowGather {
    private RowGather() {}

    /**
     * A batch of {@code schema}'s columns holding rows {@code rows[0..count)} of {@code source}.
     *
     * @param columns for each output column, its index in {@code source}
     */
    static ColumnBatch gather(ColumnBatch source, int[] columns, Schema schema, int[] rows, int count) {
        ColumnBatch target = ColumnBatch.allocate(schema, Math.max(1, count));
        for (int c = 0; c < columns.length; c++) {
            copy(source.column(columns[c]), target.column(c), rows, count);
        }
        target.setRowCount(count);
        return target;
    }

    /** The chosen columns of {@code source}, all rows, sharing its vectors. */
    static ColumnBatch project(ColumnBatch source, int[] columns, Schema schema) {
        ColumnVector[] vectors = new ColumnVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            vectors[c] = source.column(columns[c]);
        }
        return new ColumnBatch(schema, vectors, source.rowCount());
    }

    private static void copy(ColumnVector from, ColumnVector to, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!from.noNulls() && from.isNull(row)) {
                to.setNull(i);
            } else if (from instanceof BytesVector bytes) {
                ((BytesVector) to).set(i, bytes.data(), bytes.offsets()[row], bytes.length(row));
            } else {
                copyFixedWidth(from, to, row, i);
            }
        }
    }

    private static void copyFixedWidth(ColumnVector from, ColumnVector to, int row, int i) {
        if (from instanceof IntVector ints) {
            ((IntVector) to).set(i, ints.values()[row]);
        } else if (from instanceof LongVector longs) {
            ((LongVector) to).set(i, longs.values()[row]);
        } else if (from instanceof DoubleVector doubles) {
            ((DoubleVector) to).set(i, doubles.values()[row]);
        } else if (from instanceof BooleanVector booleans) {
            ((BooleanVector) to).set(i, booleans.values()[row]);
        } else {
            DecimalVector decimals = (DecimalVector) from;
            ((DecimalVector) to).set(i, decimals.high()[row], decimals.low()[row]);
        }
    }

    /**
     * Bytes the rows occupy in memory, before encoding and compression: the measure the writer
     * turns into an estimate of the file size.
     */
    static long rawBytes(ColumnBatch batch) {
        long bytes = 0;
        int rows = batch.rowCount();
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnVector vector = batch.column(c);
            if (vector instanceof BytesVector strings) {
                bytes += strings.offsets()[rows] - strings.offsets()[0] + 4L * rows;
            } else if (vector instanceof BooleanVector) {
                bytes += rows;
            } else if (vector instanceof IntVector) {
                bytes += 4L * rows;
            } else if (vector instanceof DecimalVector) {
                bytes += 16L * rows;
            } else {
                bytes += 8L * rows;
            }
        }
        return bytes;
    }
}
