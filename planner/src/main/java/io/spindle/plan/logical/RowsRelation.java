package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import java.util.List;

/** Rows computed in tasks by {@code rows} (an Rdd's), as Java values in the order of {@link #output()}. */
public record RowsRelation(List<ColumnRef> output, PartitionedRows rows) implements LeafPlan {

    public RowsRelation {
        output = List.copyOf(output);
    }

    public static RowsRelation create(List<ColumnRef> output, PartitionedRows rows) {
        return new RowsRelation(output, rows);
    }

    @Override
    public String nodeString() {
        return "RowsRelation " + PlanText.list(output) + ", " + rows.describe();
    }
}
