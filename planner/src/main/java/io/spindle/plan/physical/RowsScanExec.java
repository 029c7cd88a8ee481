package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PartitionedRows;
import io.spindle.plan.logical.PlanText;
import java.util.List;

/**
 * Reads {@link PartitionedRows} (an Rdd's rows): partition p of this source is partition p of
 * the rows, computed in the task that reads it. {@code partition} is -1 before slicing, and
 * {@code readsNothing} marks a slice that reads nothing. The partition count is asked of the rows
 * only when a stage is sliced (an Rdd of a Dataset learns it by running the Dataset's shuffles),
 * so planning and explain run nothing.
 */
public record RowsScanExec(List<ColumnRef> output, PartitionedRows rows, int partition, boolean readsNothing)
        implements SourceExec {

    public RowsScanExec {
        output = List.copyOf(output);
    }

    public static RowsScanExec create(List<ColumnRef> output, PartitionedRows rows) {
        return new RowsScanExec(output, rows, -1, false);
    }

    @Override
    public int partitionCount() {
        return partition < 0 ? rows.partitionCount() : 1;
    }

    @Override
    public SourceExec slice(int index) {
        return partition < 0 ? new RowsScanExec(output, rows, index, readsNothing) : this;
    }

    @Override
    public SourceExec empty() {
        return new RowsScanExec(output, rows, 0, true);
    }

    @Override
    public String nodeString() {
        return "RowsScan " + PlanText.list(output) + ", " + rows.describe();
    }
}
