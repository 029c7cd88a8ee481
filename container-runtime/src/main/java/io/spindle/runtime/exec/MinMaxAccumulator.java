package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import java.util.Arrays;

/**
 * min or max, ignoring NULLs; NULL for a group without values. Long- and int-backed types (and
 * doubles, ordered with NaN largest) use primitive arrays; strings, booleans and wide decimals
 * keep Java values per group, which is fine for their rarer use.
 */
final class MinMaxAccumulator extends Accumulator {
    private final DataType type;
    private final boolean min;
    private long[] longs = new long[16];
    private double[] doubles = new double[16];
    private Object[] objects = new Object[16];
    private boolean[] seen = new boolean[16];

    MinMaxAccumulator(DataType type, boolean min) {
        this.type = type;
        this.min = min;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (seen.length < groups) {
            int size = grow(seen.length, groups);
            longs = Arrays.copyOf(longs, size);
            doubles = Arrays.copyOf(doubles, size);
            objects = Arrays.copyOf(objects, size);
            seen = Arrays.copyOf(seen, size);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        boolean[] nulls = input.nulls();
        boolean noNulls = input.noNulls();
        if (input instanceof LongVector vector) {
            long[] values = vector.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    int g = groupIds[r];
                    long value = values[r];
                    if (!seen[g] || (min ? value < longs[g] : value > longs[g])) {
                        longs[g] = value;
                        seen[g] = true;
                    }
                }
            }
        } else if (input instanceof IntVector vector) {
            int[] values = vector.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    int g = groupIds[r];
                    long value = values[r];
                    if (!seen[g] || (min ? value < longs[g] : value > longs[g])) {
                        longs[g] = value;
                        seen[g] = true;
                    }
                }
            }
        } else if (input instanceof DoubleVector vector) {
            double[] values = vector.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    int g = groupIds[r];
                    int sign = Double.compare(values[r], doubles[g]);
                    if (!seen[g] || (min ? sign < 0 : sign > 0)) {
                        doubles[g] = values[r];
                        seen[g] = true;
                    }
                }
            }
        } else {
            updateObjects(groupIds, rows, input);
        }
    }

    @SuppressWarnings("unchecked")
    private void updateObjects(int[] groupIds, int rows, ColumnVector input) {
        for (int r = 0; r < rows; r++) {
            Object value = input.get(r);
            if (value == null) {
                continue;
            }
            int g = groupIds[r];
            int sign = seen[g] ? io.spindle.plan.expr.ScalarEvaluator.compareValues(value, objects[g], type) : 0;
            if (!seen[g] || (min ? sign < 0 : sign > 0)) {
                objects[g] = value;
                seen[g] = true;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, int rows, ColumnVector[] states) {
        update(groupIds, rows, states[0]);
    }

    @Override
    public void writeStates(int from, int to, ColumnVector[] out) {
        writeResult(from, to, out[0]);
    }

    @Override
    public void writeResult(int from, int to, ColumnVector out) {
        out.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            int row = group - from;
            if (!seen[group]) {
                out.setNull(row);
            } else if (out instanceof LongVector vector) {
                vector.values()[row] = longs[group];
            } else if (out instanceof IntVector vector) {
                vector.values()[row] = (int) longs[group];
            } else if (out instanceof DoubleVector vector) {
                vector.values()[row] = doubles[group];
            } else if (out instanceof BytesVector || out instanceof BooleanVector || out instanceof DecimalVector) {
                out.set(row, objects[group]);
            }
        }
    }

    @Override
    public int bytesPerGroup() {
        return 32;
    }
}
