package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Orders all rows (a total order across partitions) by the keys, first key first. */
public record Sort(List<SortOrder> orders, LogicalPlan child) implements LogicalPlan {

    public Sort {
        orders = List.copyOf(orders);
    }

    public static Sort create(List<SortOrder> orders, LogicalPlan child) {
        return new Sort(orders, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Sort(orders, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return orders.stream().map(SortOrder::expression).toList();
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        List<SortOrder> mapped = new ArrayList<>(orders.size());
        boolean changed = false;
        for (SortOrder order : orders) {
            Expression expression = mapper.apply(order.expression());
            changed |= expression != order.expression();
            mapped.add(order.withExpression(expression));
        }
        return changed ? new Sort(mapped, child) : this;
    }

    @Override
    public String nodeString() {
        return "Sort " + PlanText.list(orders);
    }
}
