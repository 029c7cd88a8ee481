package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.logical.PlanText;
import java.util.List;
import java.util.function.Function;

/**
 * Sorts its partition, spilling sorted runs to local disk past the task's memory budget. A global
 * sort needs all rows in one partition (this version sorts globally in a single partition; range
 * partitioning is future work).
 */
public record SortExec(List<SortOrder> orders, boolean global, PhysicalPlan child) implements PhysicalPlan {

    public SortExec {
        orders = List.copyOf(orders);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new SortExec(orders, global, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new SortExec(orders.stream().map(order -> order.withExpression(mapper.apply(order.expression()))).toList(),
                global, child);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(global ? Distribution.ALL_TUPLES : Distribution.UNSPECIFIED);
    }

    @Override
    public String nodeString() {
        return "Sort " + PlanText.list(orders) + (global ? " global" : "");
    }
}
