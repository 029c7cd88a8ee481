package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import java.util.List;

/** start, start + step, ... below end, cut into {@code partitions} slices of about equal size. */
public record RangeExec(ColumnRef column, long start, long end, long step, int partitions, long count)
        implements SourceExec {

    @Override
    public List<ColumnRef> output() {
        return List.of(column);
    }

    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    public SourceExec slice(int partition) {
        long first = count * partition / partitions;
        long last = count * (partition + 1) / partitions;
        return new RangeExec(column, start + first * step, start + last * step, step, 1, last - first);
    }

    @Override
    public SourceExec empty() {
        return new RangeExec(column, start, start, step, 1, 0);
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", " + end + ", step=" + step + ", partitions=" + partitions + ") [" + column + "]";
    }
}
