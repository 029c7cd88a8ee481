package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.plan.expr.EvaluationException;
import java.util.Arrays;

/** sum of int or long as a long; overflow is an error (ANSI); NULL for a group without values. */
final class SumLongAccumulator extends Accumulator {
    private long[] sums = new long[16];
    private boolean[] seen = new boolean[16];

    @Override
    public void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int size = grow(sums.length, groups);
            sums = Arrays.copyOf(sums, size);
            seen = Arrays.copyOf(seen, size);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        boolean[] nulls = input.nulls();
        boolean noNulls = input.noNulls();
        try {
            if (input instanceof IntVector ints) {
                int[] values = ints.values();
                for (int r = 0; r < rows; r++) {
                    if (noNulls || !nulls[r]) {
                        int group = groupIds[r];
                        sums[group] = Math.addExact(sums[group], values[r]);
                        seen[group] = true;
                    }
                }
            } else {
                long[] values = ((LongVector) input).values();
                for (int r = 0; r < rows; r++) {
                    if (noNulls || !nulls[r]) {
                        int group = groupIds[r];
                        sums[group] = Math.addExact(sums[group], values[r]);
                        seen[group] = true;
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw EvaluationException.overflow("sum of long");
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
        long[] values = ((LongVector) out).values();
        for (int group = from; group < to; group++) {
            if (seen[group]) {
                values[group - from] = sums[group];
            } else {
                out.setNull(group - from);
            }
        }
    }

    @Override
    public int bytesPerGroup() {
        return 9;
    }
}
