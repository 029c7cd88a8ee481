package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** The first {@code limit} rows: per partition (local), then over one partition (global). */
public record LimitExec(long limit, boolean global, PhysicalPlan child) implements PhysicalPlan {

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new LimitExec(limit, global, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(global ? Distribution.ALL_TUPLES : Distribution.UNSPECIFIED);
    }

    @Override
    public String nodeString() {
        return "Limit " + limit + (global ? " global" : " local");
    }
}
