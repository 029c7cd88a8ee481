package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.Schema;

/**
 * Copies rows named by references {@code batch << 32 | row} out of a set of batches into new
 * batches, one typed loop per column. Each column's source arrays are looked up once per batch up
 * front, so a row costs one array load per column instead of walking batch, vector and array.
 */
final class ReferenceGather {
    private final Schema schema;
    private final ColumnBatch[] sources;
    /** Per column, per source batch: the value array (long[], int[], double[], boolean[], or null). */
    private final Object[][] values;
    private final boolean[][][] nulls;
    private final boolean[] anyNulls;

    ReferenceGather(Schema schema, ColumnBatch[] sources) {
        this.schema = schema;
        this.sources = sources;
        int columns = schema.size();
        this.values = new Object[columns][];
        this.nulls = new boolean[columns][][];
        this.anyNulls = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            ColumnVector first = sources.length == 0 ? null : sources[0].column(c);
            values[c] = typedArrays(first, c);
            nulls[c] = new boolean[sources.length][];
            for (int b = 0; b < sources.length; b++) {
                ColumnVector vector = sources[b].column(c);
                nulls[c][b] = vector.nulls();
                anyNulls[c] |= !vector.noNulls();
            }
        }
    }

    private Object[] typedArrays(ColumnVector first, int column) {
        if (first instanceof LongVector) {
            long[][] arrays = new long[sources.length][];
            for (int b = 0; b < sources.length; b++) {
                arrays[b] = ((LongVector) sources[b].column(column)).values();
            }
            return new Object[] {arrays};
        }
        if (first instanceof IntVector) {
            int[][] arrays = new int[sources.length][];
            for (int b = 0; b < sources.length; b++) {
                arrays[b] = ((IntVector) sources[b].column(column)).values();
            }
            return new Object[] {arrays};
        }
        if (first instanceof DoubleVector) {
            double[][] arrays = new double[sources.length][];
            for (int b = 0; b < sources.length; b++) {
                arrays[b] = ((DoubleVector) sources[b].column(column)).values();
            }
            return new Object[] {arrays};
        }
        if (first instanceof BooleanVector) {
            boolean[][] arrays = new boolean[sources.length][];
            for (int b = 0; b < sources.length; b++) {
                arrays[b] = ((BooleanVector) sources[b].column(column)).values();
            }
            return new Object[] {arrays};
        }
        return null; // bytes and wide decimals go through their vectors
    }

    /** Rows {@code references[from, from + count)} as a new batch, in that order. */
    ColumnBatch gather(long[] references, int from, int count) {
        ColumnBatch out = ColumnBatch.allocate(schema, Math.max(1, count));
        for (int c = 0; c < schema.size(); c++) {
            ColumnVector target = out.column(c);
            Object typed = values[c] == null ? null : values[c][0];
            if (typed instanceof long[][] arrays) {
                long[] to = ((LongVector) target).values();
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    to[i] = arrays[(int) (reference >>> 32)][(int) reference];
                }
            } else if (typed instanceof int[][] arrays) {
                int[] to = ((IntVector) target).values();
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    to[i] = arrays[(int) (reference >>> 32)][(int) reference];
                }
            } else if (typed instanceof double[][] arrays) {
                double[] to = ((DoubleVector) target).values();
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    to[i] = arrays[(int) (reference >>> 32)][(int) reference];
                }
            } else if (typed instanceof boolean[][] arrays) {
                boolean[] to = ((BooleanVector) target).values();
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    to[i] = arrays[(int) (reference >>> 32)][(int) reference];
                }
            } else if (target instanceof BytesVector to) {
                gatherBytes(c, references, from, count, to);
                continue;
            } else {
                DecimalVector to = (DecimalVector) target;
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    DecimalVector source = (DecimalVector) sources[(int) (reference >>> 32)].column(c);
                    to.set(i, source.high()[(int) reference], source.low()[(int) reference]);
                }
            }
            if (anyNulls[c]) {
                boolean[][] masks = nulls[c];
                for (int i = 0; i < count; i++) {
                    long reference = references[from + i];
                    if (masks[(int) (reference >>> 32)][(int) reference]) {
                        target.setNull(i);
                    }
                }
            }
        }
        out.setRowCount(count);
        return out;
    }

    private void gatherBytes(int column, long[] references, int from, int count, BytesVector target) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            long reference = references[from + i];
            total += ((BytesVector) sources[(int) (reference >>> 32)].column(column)).length((int) reference);
        }
        target.ensureDataCapacity(total);
        boolean[][] masks = nulls[column];
        for (int i = 0; i < count; i++) {
            long reference = references[from + i];
            int row = (int) reference;
            int batch = (int) (reference >>> 32);
            if (masks[batch][row]) {
                target.setNull(i);
            } else {
                BytesVector source = (BytesVector) sources[batch].column(column);
                int start = source.offsets()[row];
                target.set(i, source.data(), start, source.offsets()[row + 1] - start);
            }
        }
    }
}
