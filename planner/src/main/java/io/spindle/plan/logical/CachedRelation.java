package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.physical.CachedBlockRef;
import java.util.List;

/**
 * A cached Dataset's rows, read from the blocks executors keep for cache {@code cacheId}. It
 * replaces the cached plan in a query before optimization, so nothing is pushed into it: the
 * cached rows are the plan's whole output. The cache is computed ({@code materialized}, with its
 * blocks) when a query using it is planned to run; explain alone plans it unmaterialized.
 */
public record CachedRelation(int cacheId, List<ColumnRef> output, List<CachedBlockRef> blocks,
        boolean materialized) implements LeafPlan {

    public CachedRelation {
        output = List.copyOf(output);
        blocks = List.copyOf(blocks);
    }

    @Override
    public String nodeString() {
        return "CachedRelation " + cacheId + " " + PlanText.list(output) + (materialized ? ""
                : " (computed on first use)");
    }
}
