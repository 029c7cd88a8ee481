package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows given by the driver, as Java values in the order of {@link #output()}. */
public record LocalRelation(List<ColumnRef> output, List<List<Object>> rows) implements LogicalPlan {

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
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return this;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    public String nodeString() {
        return "LocalRelation " + PlanText.list(output) + ", " + rows.size() + " rows";
    }
}
