package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PlanText;
import java.util.ArrayList;
import java.util.List;

/** Rows shipped from the driver, cut into {@code partitions} contiguous slices. */
public record LocalRelationExec(List<ColumnRef> output, List<List<Object>> rows, int partitions) implements SourceExec {

    public LocalRelationExec {
        output = List.copyOf(output);
        rows = java.util.Collections.unmodifiableList(new ArrayList<>(rows));
    }

    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    public SourceExec slice(int partition) {
        int from = (int) ((long) rows.size() * partition / partitions);
        int to = (int) ((long) rows.size() * (partition + 1) / partitions);
        return new LocalRelationExec(output, new ArrayList<>(rows.subList(from, to)), 1);
    }

    @Override
    public SourceExec empty() {
        return new LocalRelationExec(output, List.of(), 1);
    }

    @Override
    public String nodeString() {
        return "LocalRelation " + PlanText.list(output) + ", " + rows.size() + " rows";
    }
}
