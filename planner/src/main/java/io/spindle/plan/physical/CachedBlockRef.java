package io.spindle.plan.physical;

import java.io.Serializable;

/**
 * One partition of a cached Dataset: where an executor keeps it ({@code cacheId}, {@code partition})
 * and how to compute it again when that executor no longer has it: {@code recipe}, the bound
 * fragment the caching task ran (its shuffle inputs stay on the shuffle file system until the
 * session stops).
 */
public record CachedBlockRef(int cacheId, int partition, long rows, PhysicalPlan recipe) implements Serializable {
}
