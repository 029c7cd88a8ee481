package io.spindle.runtime.shuffle;

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
 * The columnar block format of shuffle and spill files: {@code rowCount}, then per column a null
 * flag (and the null mask as bytes when present) and the values as raw little-endian primitives;
 * strings as offsets plus bytes. Both sides know the schema, so blocks carry none.
 */
public final class BatchSerde {
    private BatchSerde() {}

    /** Appends rows [0, rowCount) of {@code batch} as one block. */
    public static void write(ColumnBatch batch, ByteSink out) {
        int rows = batch.rowCount();
        out.putInt(rows);
        for (int c = 0; c < batch.columnCount(); c++) {
            writeColumn(batch.column(c), rows, out);
        }
    }

    private static void writeColumn(ColumnVector vector, int rows, ByteSink out) {
        if (vector.noNulls()) {
            out.putByte(0);
        } else {
            out.putByte(1);
            out.ensure(rows);
            boolean[] nulls = vector.nulls();
            for (int r = 0; r < rows; r++) {
                out.putByte(nulls[r] ? 1 : 0);
            }
        }
        if (vector instanceof LongVector longs) {
            out.putLongs(longs.values(), 0, rows);
        } else if (vector instanceof IntVector ints) {
            out.putInts(ints.values(), 0, rows);
        } else if (vector instanceof DoubleVector doubles) {
            out.ensure(rows * 8);
            double[] values = doubles.values();
            for (int r = 0; r < rows; r++) {
                out.putLong(Double.doubleToRawLongBits(values[r]));
            }
        } else if (vector instanceof BytesVector bytes) {
            int[] offsets = bytes.offsets();
            int start = offsets[0];
            out.putInt(offsets[rows] - start);
            out.putBytes(bytes.data(), start, offsets[rows] - start);
            out.ensure(rows * 4);
            for (int r = 0; r < rows; r++) {
                out.putInt(offsets[r + 1] - offsets[r]);
            }
        } else if (vector instanceof BooleanVector booleans) {
            out.ensure(rows);
            boolean[] values = booleans.values();
            for (int r = 0; r < rows; r++) {
                out.putByte(values[r] ? 1 : 0);
            }
        } else {
            DecimalVector decimals = (DecimalVector) vector;
            out.putLongs(decimals.high(), 0, rows);
            out.putLongs(decimals.low(), 0, rows);
        }
    }

    /** Reads one block starting at {@code position[0]}, advancing it. */
    public static ColumnBatch read(Schema schema, byte[] data, int[] position) {
        int offset = position[0];
        int rows = ByteSink.getInt(data, offset);
        offset += 4;
        ColumnBatch batch = ColumnBatch.allocate(schema, Math.max(1, rows));
        for (int c = 0; c < schema.size(); c++) {
            offset = readColumn(batch.column(c), rows, data, offset);
        }
        batch.setRowCount(rows);
        position[0] = offset;
        return batch;
    }

    private static int readColumn(ColumnVector vector, int rows, byte[] data, int offset) {
        boolean hasNulls = data[offset++] != 0;
        int maskOffset = offset;
        if (hasNulls) {
            offset += rows;
        }
        offset = readValues(vector, rows, data, offset, hasNulls ? maskOffset : -1);
        if (hasNulls && !(vector instanceof BytesVector)) {
            for (int r = 0; r < rows; r++) {
                if (data[maskOffset + r] != 0) {
                    vector.setNull(r);
                }
            }
        }
        return offset;
    }

    /** @param maskOffset where the null mask starts in {@code data}, or -1 without nulls */
    private static int readValues(ColumnVector vector, int rows, byte[] data, int offset, int maskOffset) {
        if (vector instanceof LongVector longs) {
            long[] values = longs.values();
            for (int r = 0; r < rows; r++, offset += 8) {
                values[r] = ByteSink.getLong(data, offset);
            }
        } else if (vector instanceof IntVector ints) {
            int[] values = ints.values();
            for (int r = 0; r < rows; r++, offset += 4) {
                values[r] = ByteSink.getInt(data, offset);
            }
        } else if (vector instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int r = 0; r < rows; r++, offset += 8) {
                values[r] = Double.longBitsToDouble(ByteSink.getLong(data, offset));
            }
        } else if (vector instanceof BytesVector bytes) {
            int total = ByteSink.getInt(data, offset);
            offset += 4;
            int dataStart = offset;
            offset += total;
            bytes.ensureDataCapacity(total);
            int position = dataStart;
            for (int r = 0; r < rows; r++, offset += 4) {
                int length = ByteSink.getInt(data, offset);
                if (maskOffset >= 0 && data[maskOffset + r] != 0) {
                    bytes.setNull(r); // null rows are stored empty
                } else {
                    bytes.set(r, data, position, length);
                }
                position += length;
            }
        } else if (vector instanceof BooleanVector booleans) {
            boolean[] values = booleans.values();
            for (int r = 0; r < rows; r++) {
                values[r] = data[offset++] != 0;
            }
        } else {
            DecimalVector decimals = (DecimalVector) vector;
            long[] high = decimals.high();
            long[] low = decimals.low();
            for (int r = 0; r < rows; r++, offset += 8) {
                high[r] = ByteSink.getLong(data, offset);
            }
            for (int r = 0; r < rows; r++, offset += 8) {
                low[r] = ByteSink.getLong(data, offset);
            }
        }
        return offset;
    }
}
