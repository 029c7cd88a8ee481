package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnVector;
import java.util.Arrays;

/**
 * {@code first(x)}: the first value a group sees, NULL included. The state is (value, seen) so
 * that a partial aggregate whose first value was NULL still wins over later partials, as Spark's
 * First does. Values are kept as Java objects: first is used for dropDuplicates, not hot loops.
 */
final class FirstAccumulator extends Accumulator {
    private Object[] values = new Object[16];
    private boolean[] seen = new boolean[16];

    @Override
    public void ensureCapacity(int groups) {
        if (seen.length < groups) {
            int size = grow(seen.length, groups);
            values = Arrays.copyOf(values, size);
            seen = Arrays.copyOf(seen, size);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        for (int r = 0; r < rows; r++) {
            int g = groupIds[r];
            if (!seen[g]) {
                values[g] = input.get(r);
                seen[g] = true;
            }
        }
    }

    @Override
    public void merge(int[] groupIds, int rows, ColumnVector[] states) {
        ColumnVector value = states[0];
        ColumnVector wasSeen = states[1];
        for (int r = 0; r < rows; r++) {
            int g = groupIds[r];
            if (!seen[g] && Boolean.TRUE.equals(wasSeen.get(r))) {
                values[g] = value.get(r);
                seen[g] = true;
            }
        }
    }

    @Override
    public void writeStates(int from, int to, ColumnVector[] out) {
        writeResult(from, to, out[0]);
        BooleanVector wasSeen = (BooleanVector) out[1];
        wasSeen.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            wasSeen.set(group - from, seen[group]);
        }
    }

    @Override
    public void writeResult(int from, int to, ColumnVector out) {
        out.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            Object value = values[group];
            if (value == null) {
                out.setNull(group - from);
            } else {
                out.set(group - from, value);
            }
        }
    }

    @Override
    public int bytesPerGroup() {
        return 32;
    }
}
