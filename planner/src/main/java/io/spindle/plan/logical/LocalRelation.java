package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/** Rows given by the driver, as Java values in the order of {@link #output()}. */
public record LocalRelation(List<ColumnRef> output, List<List<Object>> rows) implements LeafPlan {

    public LocalRelation {
        output = List.copyOf(output);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row))); // rows may hold nulls
        }
        rows = java.util.Collections.unmodifiableList(copied);
    }

    public static LocalRelation create(List<ColumnRef> output, List<List<Object>> rows) {
        return new LocalRelation(output, rows);
    }

    public LocalRelation withOutput(List<ColumnRef> columns) {
        return new LocalRelation(columns, rows);
    }

    @Override
    public String nodeString() {
        return "LocalRelation " + PlanText.list(output) + ", " + rows.size() + " rows";
    }
}
