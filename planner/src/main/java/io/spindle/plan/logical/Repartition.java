package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * The child's rows spread over other partitions. With {@code shuffle}: {@code repartition} —
 * by the hash of {@code keys} (round-robin without keys) into {@code partitions} partitions, or
 * into as many as the data needs when {@code partitions} is 0. Without: {@code coalesce(n)} —
 * adjacent input partitions merged into at most {@code partitions}, with no shuffle.
 */
public record Repartition(int partitions, List<Expression> keys, boolean shuffle, LogicalPlan child)
        implements LogicalPlan {

    public Repartition {
        keys = List.copyOf(keys);
        if (partitions < 0 || (!shuffle && partitions == 0) || (partitions == 0 && keys.isEmpty())) {
            throw new IllegalArgumentException("The number of partitions must be positive, got " + partitions);
        }
    }

    public static Repartition create(int partitions, List<Expression> keys, boolean shuffle, LogicalPlan child) {
        return new Repartition(partitions, keys, shuffle, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Repartition(partitions, keys, shuffle, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return keys;
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        List<Expression> mapped = keys.stream().map(mapper).toList();
        return mapped.equals(keys) ? this : new Repartition(partitions, mapped, shuffle, child);
    }

    @Override
    public String nodeString() {
        if (!shuffle) {
            return "Coalesce " + partitions;
        }
        return "Repartition " + (keys.isEmpty() ? "" : PlanText.list(keys) + " ")
                + (partitions > 0 ? "into " + partitions : "by size");
    }
}
