package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.LongVector;
import java.util.Arrays;

/** count(*) counts rows; count(x) counts rows where x is not NULL. Never null; 0 for no rows. */
final class CountAccumulator extends Accumulator {
    private final boolean countRows;
    private long[] counts = new long[16];

    CountAccumulator(boolean countRows) {
        this.countRows = countRows;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (counts.length < groups) {
            counts = Arrays.copyOf(counts, grow(counts.length, groups));
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        if (countRows || input.noNulls()) {
            for (int r = 0; r < rows; r++) {
                counts[groupIds[r]]++;
            }
        } else {
            boolean[] nulls = input.nulls();
            for (int r = 0; r < rows; r++) {
                counts[groupIds[r]] += nulls[r] ? 0 : 1;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, int rows, ColumnVector[] states) {
        long[] partial = ((LongVector) states[0]).values();
        for (int r = 0; r < rows; r++) {
            counts[groupIds[r]] += partial[r];
        }
    }

    @Override
    public void writeStates(int from, int to, ColumnVector[] out) {
        writeResult(from, to, out[0]);
    }

    @Override
    public void writeResult(int from, int to, ColumnVector out) {
        out.ensureCapacity(to - from);
        System.arraycopy(counts, from, ((LongVector) out).values(), 0, to - from);
    }

    @Override
    public int bytesPerGroup() {
        return 8;
    }
}
