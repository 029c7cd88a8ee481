package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import java.util.List;

/** The longs start, start + step, ... below end, in one column named {@code id}. */
public record Range(ColumnRef column, long start, long end, long step, int partitions) implements LeafPlan {

    public Range {
        if (step == 0) {
            throw new IllegalArgumentException("range step must not be 0");
        }
    }

    /** @param partitions number of partitions, 0 for the session's default parallelism */
    public static Range create(long start, long end, long step, int partitions) {
        return new Range(ColumnRef.create("id", io.spindle.formats.types.DataType.LONG, false), start, end, step,
                partitions);
    }

    /** Number of values in the range. */
    public long count() {
        if ((step > 0 && start >= end) || (step < 0 && start <= end)) {
            return 0;
        }
        return (Math.abs(end - start) + Math.abs(step) - 1) / Math.abs(step);
    }

    @Override
    public List<ColumnRef> output() {
        return List.of(column);
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", " + end + ", step=" + step + ") [" + column + "]";
    }
}
