package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * Groups by {@code groupings} and computes {@code aggregates}: named expressions over the grouping
 * expressions and aggregate calls, e.g. {@code k}, {@code sum(x) * 2 AS y}. Without groupings the
 * result is exactly one row, even for empty input.
 */
public record Aggregate(List<Expression> groupings, List<Expression> aggregates, LogicalPlan child)
        implements LogicalPlan {

    public Aggregate {
        groupings = List.copyOf(groupings);
        aggregates = List.copyOf(aggregates);
    }

    public static Aggregate create(List<? extends Expression> groupings, List<? extends Expression> aggregates,
            LogicalPlan child) {
        return new Aggregate(List.copyOf(groupings), List.copyOf(aggregates), child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Aggregate(groupings, aggregates, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return Exprs.attributes(aggregates);
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new java.util.ArrayList<>(groupings);
        all.addAll(aggregates);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        List<Expression> newGroupings = Exprs.map(groupings, mapper, Expression.class);
        List<Expression> newAggregates = Exprs.map(aggregates, mapper, Expression.class);
        return newGroupings == groupings && newAggregates == aggregates ? this
                : new Aggregate(newGroupings, newAggregates, child);
    }

    @Override
    public String nodeString() {
        return "Aggregate " + PlanText.list(groupings) + ", " + PlanText.list(aggregates);
    }
}
