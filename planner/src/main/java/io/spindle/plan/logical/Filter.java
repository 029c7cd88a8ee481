package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** Keeps the rows whose condition is true; false and NULL drop the row. */
public record Filter(Expression condition, LogicalPlan child) implements LogicalPlan {

    public static Filter create(Expression condition, LogicalPlan child) {
        return new Filter(condition, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Filter(condition, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        Expression mapped = mapper.apply(condition);
        return mapped == condition ? this : new Filter(mapped, child);
    }

    @Override
    public String nodeString() {
        return "Filter " + condition;
    }
}
