package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.logical.PlanText;
import java.util.List;
import java.util.function.Function;

/**
 * The first {@code limit} rows by {@code orders}: a local top-N per partition keeps the shuffle to
 * {@code limit} rows per task, then a global top-N over one partition.
 */
public record TopNExec(long limit, List<SortOrder> orders, boolean global, PhysicalPlan child) implements PhysicalPlan {

    public TopNExec {
        orders = List.copyOf(orders);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new TopNExec(limit, orders, global, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new TopNExec(limit, orders.stream().map(order -> order.withExpression(mapper.apply(order.expression())))
                .toList(), global, child);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(global ? Distribution.ALL_TUPLES : Distribution.UNSPECIFIED);
    }

    @Override
    public String nodeString() {
        return "TopN " + limit + " " + PlanText.list(orders) + (global ? " global" : " local");
    }
}
