package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** Keeps rows whose condition is true. */
public record FilterExec(Expression condition, PhysicalPlan child) implements PhysicalPlan {
    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new FilterExec(condition, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new FilterExec(mapper.apply(condition), child);
    }

    @Override
    public String nodeString() {
        return "Filter " + condition;
    }
}
