package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PartitionedRows;
import io.spindle.plan.logical.PlanText;
import java.util.List;

/**
 * Reads {@link PartitionedRows} (an Rdd's rows): partition p of this source is partition p of
 * the rows, computed in the task that reads it. {@code partition} is -1 before slicing, and
 * {@code readsNothing} marks a slice that reads nothing.
 */
public record RowsScanExec(List<ColumnRef> output, PartitionedRows rows, int partitions, int partition, boolean readsNothing)
        implements SourceExec {

    public RowsScanExec {
        output = List.copyOf(output);
    }

    public static RowsScanExec create(List<ColumnRef> output, PartitionedRows rows) {
        return new RowsScanExec(output, rows, rows.partitionCount(), -1, false);
    }

    @Override
    public int partitionCount() {
        return partition < 0 ? partitions : 1;
    }

    @Override
    public SourceExec slice(int index) {
        return partition < 0 ? new RowsScanExec(output, rows, partitions, index, readsNothing) : this;
    }

    @Override
    public SourceExec empty() {
        return new RowsScanExec(output, rows, partitions, 0, true);
    }

    @Override
    public String nodeString() {
        return "RowsScan " + PlanText.list(output) + ", " + rows.describe() + ", " + partitions + " partitions";
    }
}
