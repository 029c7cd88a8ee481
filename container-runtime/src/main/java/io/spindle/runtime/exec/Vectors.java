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
 * Copy kernels between vectors: one loop per vector class, no per-row dispatch. The class test
 * happens once per call (per batch and column), never per row.
 */
public final class Vectors {
    private Vectors() {}

    /**
     * Copies {@code source} rows {@code rows[from .. from+count)} to {@code target} rows
     * {@code targetRow ..}, growing it as needed. BytesVector targets must be filled in row order.
     */
    public static void gather(ColumnVector source, int[] rows, int from, int count, ColumnVector target, int targetRow) {
        target.ensureCapacity(targetRow + count);
        if (source instanceof LongVector s) {
            long[] in = s.values();
            long[] out = ((LongVector) target).values();
            for (int i = 0; i < count; i++) {
                out[targetRow + i] = in[rows[from + i]];
            }
        } else if (source instanceof IntVector s) {
            int[] in = s.values();
            int[] out = ((IntVector) target).values();
            for (int i = 0; i < count; i++) {
                out[targetRow + i] = in[rows[from + i]];
            }
        } else if (source instanceof DoubleVector s) {
            double[] in = s.values();
            double[] out = ((DoubleVector) target).values();
            for (int i = 0; i < count; i++) {
                out[targetRow + i] = in[rows[from + i]];
            }
        } else if (source instanceof BooleanVector s) {
            boolean[] in = s.values();
            boolean[] out = ((BooleanVector) target).values();
            for (int i = 0; i < count; i++) {
                out[targetRow + i] = in[rows[from + i]];
            }
        } else if (source instanceof BytesVector s) {
            gatherBytes(s, rows, from, count, (BytesVector) target, targetRow);
            return;
        } else {
            DecimalVector s = (DecimalVector) source;
            DecimalVector t = (DecimalVector) target;
            for (int i = 0; i < count; i++) {
                t.set(targetRow + i, s.high()[rows[from + i]], s.low()[rows[from + i]]);
            }
        }
        copyNulls(source, rows, from, count, target, targetRow);
    }

    private static void copyNulls(ColumnVector source, int[] rows, int from, int count, ColumnVector target,
            int targetRow) {
        if (!source.noNulls()) {
            boolean[] nulls = source.nulls();
            for (int i = 0; i < count; i++) {
                if (nulls[rows[from + i]]) {
                    target.setNull(targetRow + i);
                }
            }
        }
    }

    private static void gatherBytes(BytesVector source, int[] rows, int from, int count, BytesVector target,
            int targetRow) {
        BytesVector dictionary = source.deferredDictionary();
        if (dictionary != null) {
            gatherDictionaryIds(source, dictionary, rows, from, count, target, targetRow);
            return;
        }
        int[] offsets = source.offsets();
        byte[] data = source.data();
        boolean[] nulls = source.nulls();
        boolean noNulls = source.noNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            if (!noNulls && nulls[row]) {
                target.setNull(targetRow + i);
            } else {
                target.set(targetRow + i, data, offsets[row], offsets[row + 1] - offsets[row]);
            }
        }
    }

    /**
     * Rows still held as dictionary ids: the target takes the picked ids (its bytes deferred too)
     * when it can, else the picked rows' entries are copied; the source's other rows never are.
     */
    private static void gatherDictionaryIds(BytesVector source, BytesVector dictionary, int[] rows, int from,
            int count, BytesVector target, int targetRow) {
        int[] ids = source.deferredIds();
        boolean[] nulls = source.nulls();
        boolean noNulls = source.noNulls();
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            picked[i] = !noNulls && nulls[row] ? -1 : ids[row];
        }
        if (target.setDictionaryIds(targetRow, dictionary, picked, count)) {
            if (!noNulls) {
                for (int i = 0; i < count; i++) {
                    if (nulls[rows[from + i]]) {
                        target.setNull(targetRow + i);
                    }
                }
            }
            return;
        }
        byte[] data = dictionary.data();
        int[] offsets = dictionary.offsets();
        for (int i = 0; i < count; i++) {
            int id = picked[i];
            if (!noNulls && nulls[rows[from + i]]) {
                target.setNull(targetRow + i);
            } else if (id < 0) {
                target.set(targetRow + i, data, 0, 0);
            } else {
                target.set(targetRow + i, data, offsets[id], offsets[id + 1] - offsets[id]);
            }
        }
    }

    /**
     * Copies row {@code rows[i]} of column {@code column} of {@code sources[i]} to row {@code i} of
     * {@code target}, for i in [0, count): a merge's picks from many batches, one loop per type.
     */
    public static void gatherFrom(ColumnBatch[] sources, int column, int[] rows, int count, ColumnVector target) {
        target.ensureCapacity(count);
        if (target instanceof BytesVector t) {
            for (int i = 0; i < count; i++) {
                BytesVector s = (BytesVector) sources[i].column(column);
                int row = rows[i];
                if (s.isNull(row)) {
                    t.setNull(i);
                } else {
                    t.set(i, s.data(), s.offsets()[row], s.offsets()[row + 1] - s.offsets()[row]);
                }
            }
            return;
        }
        if (target instanceof LongVector t) {
            long[] out = t.values();
            for (int i = 0; i < count; i++) {
                out[i] = ((LongVector) sources[i].column(column)).values()[rows[i]];
            }
        } else if (target instanceof IntVector t) {
            int[] out = t.values();
            for (int i = 0; i < count; i++) {
                out[i] = ((IntVector) sources[i].column(column)).values()[rows[i]];
            }
        } else if (target instanceof DoubleVector t) {
            double[] out = t.values();
            for (int i = 0; i < count; i++) {
                out[i] = ((DoubleVector) sources[i].column(column)).values()[rows[i]];
            }
        } else if (target instanceof BooleanVector t) {
            boolean[] out = t.values();
            for (int i = 0; i < count; i++) {
                out[i] = ((BooleanVector) sources[i].column(column)).values()[rows[i]];
            }
        } else {
            DecimalVector t = (DecimalVector) target;
            for (int i = 0; i < count; i++) {
                DecimalVector s = (DecimalVector) sources[i].column(column);
                t.set(i, s.high()[rows[i]], s.low()[rows[i]]);
            }
        }
        for (int i = 0; i < count; i++) {
            if (sources[i].column(column).isNull(rows[i])) {
                target.setNull(i);
            }
        }
    }

    /** Identity row indices 0..n-1, for gathering a prefix. */
    public static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** A batch of {@code schema} with the given rows of {@code source}. */
    public static ColumnBatch select(ColumnBatch source, Schema schema, int[] rows, int count) {
        ColumnBatch out = ColumnBatch.allocate(schema, Math.max(1, count));
        for (int c = 0; c < source.columnCount(); c++) {
            gather(source.column(c), rows, 0, count, out.column(c), 0);
        }
        out.setRowCount(count);
        return out;
    }

    /**
     * A copy of the batch's rows whose arrays are sized exactly to them (no room to grow into), so
     * that {@link #retainedBytes} of the copy is what buffering it costs.
     */
    public static ColumnBatch compactCopy(ColumnBatch source, Schema schema) {
        int rows = source.rowCount();
        int[] identity = identity(rows);
        ColumnVector[] vectors = new ColumnVector[source.columnCount()];
        for (int c = 0; c < vectors.length; c++) {
            ColumnVector from = source.column(c);
            if (from instanceof BytesVector bytes) {
                vectors[c] = new BytesVector(from.type(), rows, bytes.offsets()[rows] - bytes.offsets()[0]);
            } else {
                vectors[c] = ColumnVector.allocate(from.type(), rows);
            }
            gather(from, identity, 0, rows, vectors[c], 0);
        }
        return new ColumnBatch(schema, vectors, rows);
    }

    /**
     * Heap bytes a batch holds: its arrays by their allocated lengths (not by the rows in use) and
     * the objects' headers, so buffered batches are accounted as what they really retain.
     */
    public static long retainedBytes(ColumnBatch batch) {
        long bytes = 16 + array(batch.columnCount(), 4);
        for (int c = 0; c < batch.columnCount(); c++) {
            bytes += retainedBytes(batch.column(c));
        }
        return bytes;
    }

    /** Heap bytes one vector holds, by its arrays' allocated lengths. */
    public static long retainedBytes(ColumnVector vector) {
        long bytes = 32 + array(vector.capacity(), 1);
        if (vector instanceof BytesVector b) {
            bytes += array(b.offsets().length, 4) + array(b.data().length, 1)
                    + (b.deferredIds() == null ? 0 : array(b.deferredIds().length, 4));
        } else if (vector instanceof DecimalVector d) {
            bytes += 2 * array(d.high().length, 8);
        } else if (vector instanceof LongVector l) {
            bytes += array(l.values().length, 8);
        } else if (vector instanceof IntVector i) {
            bytes += array(i.values().length, 4);
        } else if (vector instanceof DoubleVector d) {
            bytes += array(d.values().length, 8);
        } else if (vector instanceof BooleanVector b) {
            bytes += array(b.values().length, 1);
        }
        return bytes;
    }

    /** An array's heap size: a 16-byte header, then the elements padded to 8 bytes. */
    private static long array(int length, int elementBytes) {
        return 16 + ((long) length * elementBytes + 7) / 8 * 8;
    }

    /** Bytes held by a batch's arrays, for memory accounting. */
    public static long estimateBytes(ColumnBatch batch) {
        long bytes = 0;
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnVector vector = batch.column(c);
            int rows = batch.rowCount();
            if (vector instanceof BytesVector b) {
                bytes += 4L * rows + (b.offsets()[rows] - b.offsets()[0]);
            } else if (vector instanceof DecimalVector) {
                bytes += 16L * rows;
            } else if (vector instanceof IntVector) {
                bytes += 4L * rows;
            } else if (vector instanceof BooleanVector) {
                bytes += rows;
            } else {
                bytes += 8L * rows;
            }
            bytes += rows; // null mask
        }
        return bytes;
    }
}
