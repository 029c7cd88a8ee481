package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import java.util.Arrays;

/**
 * sum of doubles, or avg (of int, long or double, as Spark computes it: a double sum and a count).
 * States: [sum] for sum, [sum, count] for avg. NULL for a group without values.
 */
final class SumDoubleAccumulator extends Accumulator {
    private final boolean average;
    private double[] sums = new double[16];
    private long[] counts = new long[16];

    SumDoubleAccumulator(boolean average) {
        this.average = average;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (sums.length < groups) {
            int size = grow(sums.length, groups);
            sums = Arrays.copyOf(sums, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        boolean[] nulls = input.nulls();
        boolean noNulls = input.noNulls();
        if (input instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    sums[groupIds[r]] += values[r];
                    counts[groupIds[r]]++;
                }
            }
        } else if (input instanceof LongVector longs) {
            long[] values = longs.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    sums[groupIds[r]] += values[r];
                    counts[groupIds[r]]++;
                }
            }
        } else {
            int[] values = ((IntVector) input).values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    sums[groupIds[r]] += values[r];
                    counts[groupIds[r]]++;
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, int rows, ColumnVector[] states) {
        double[] partialSums = ((DoubleVector) states[0]).values();
        boolean[] nulls = states[0].nulls();
        long[] partialCounts = average ? ((LongVector) states[1]).values() : null;
        for (int r = 0; r < rows; r++) {
            if (!nulls[r]) {
                sums[groupIds[r]] += partialSums[r];
                counts[groupIds[r]] += average ? partialCounts[r] : 1;
            }
        }
    }

    @Override
    public void writeStates(int from, int to, ColumnVector[] out) {
        writeSums(from, to, out[0]);
        if (average) {
            out[1].ensureCapacity(to - from);
            System.arraycopy(counts, from, ((LongVector) out[1]).values(), 0, to - from);
        }
    }

    private void writeSums(int from, int to, ColumnVector out) {
        out.ensureCapacity(to - from);
        double[] values = ((DoubleVector) out).values();
        for (int group = from; group < to; group++) {
            if (counts[group] > 0) {
                values[group - from] = sums[group];
            } else {
                out.setNull(group - from);
            }
        }
    }

    @Override
    public void writeResult(int from, int to, ColumnVector out) {
        writeSums(from, to, out);
        if (average) {
            double[] values = ((DoubleVector) out).values();
            for (int group = from; group < to; group++) {
                if (counts[group] > 0) {
                    values[group - from] = sums[group] / counts[group];
                }
            }
        }
    }

    @Override
    public int bytesPerGroup() {
        return 16;
    }
}
