package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.physical.CachedBlockRef;
import java.util.List;
import java.util.function.Function;

/**
 * A cached Dataset's rows, read from the blocks executors keep for cache {@code cacheId}. It
 * replaces the cached plan in a query before optimization, so nothing is pushed into it: the
 * cached rows are the plan's whole output. The cache is computed ({@code materialized}, with its
 * blocks) when a query using it is planned to run; explain alone plans it unmaterialized.
 */
public record CachedRelation(int cacheId, List<ColumnRef> output, List<CachedBlockRef> blocks,
        boolean materialized) implements LogicalPlan {

    public CachedRelation {
        output = List.copyOf(output);
        blocks = List.copyOf(blocks);
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
        return "CachedRelation " + cacheId + " " + PlanText.list(output) + (materialized ? ""
                : " (computed on first use)");
    }
}
