package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.plan.expr.WindowFunction;

/** The values of lag and lead over the rows a {@link WindowOperator} holds. */
final class WindowOffsets {
    private WindowOffsets() {}

    /**
     * lag/lead of rows {@code range} of the held rows: the argument {@code offset} rows back (lag) or
     * ahead (lead) within the same partition, else {@code fallback} (NULL when null).
     */
    static ColumnVector values(WindowFunction function, ColumnVector argument, Object fallback, long[] partitionIds,
            int size, int[] range) {
        int step = function.kind() == WindowFunction.Kind.LAG ? -function.offset() : function.offset();
        ColumnVector out = ColumnVector.allocate(argument.type(), Math.max(range.length, 1));
        int[] sources = new int[range.length];
        boolean[] valid = new boolean[range.length];
        for (int i = 0; i < range.length; i++) {
            int row = range[i];
            int source = row + step;
            valid[i] = source >= 0 && source < size && partitionIds[source] == partitionIds[row];
            sources[i] = valid[i] ? source : row;
        }
        if (argument instanceof BytesVector bytes) {
            BytesVector target = (BytesVector) out;
            byte[] fallbackBytes = fallback == null ? new byte[0]
                    : fallback.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < range.length; i++) {
                if (valid[i] && !bytes.isNull(sources[i])) {
                    int start = bytes.offsets()[sources[i]];
                    target.set(i, bytes.data(), start, bytes.offsets()[sources[i] + 1] - start);
                } else {
                    target.set(i, valid[i] ? new byte[0] : fallbackBytes);
                    if (valid[i] || fallback == null) {
                        target.setNull(i);
                    }
                }
            }
            return target;
        }
        Vectors.gather(argument, sources, 0, range.length, out, 0);
        for (int i = 0; i < range.length; i++) {
            if (!valid[i]) {
                if (fallback == null) {
                    out.setNull(i);
                } else {
                    out.nulls()[i] = false;
                    out.set(i, fallback);
                }
            }
        }
        out.updateNoNulls(range.length);
        return out;
    }
}
