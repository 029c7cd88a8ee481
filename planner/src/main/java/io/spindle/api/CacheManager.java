package io.spindle.api;

import io.spindle.plan.logical.CachedRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.physical.CachedBlockRef;
import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's record of cached Datasets. {@code cache()} registers a plan; the first query that
 * uses it runs the plan once into blocks the executors keep (in memory within
 * {@code spindle.cache.memoryBudget}, else on local disk), and every later query reads those
 * blocks instead of the plan. A block an executor no longer has is computed again by the task that
 * needs it, from the fragment that first computed it.
 */
final class CacheManager {
    private final Session session;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int nextId;
    private int version;

    CacheManager(Session session) {
        this.session = session;
    }

    /** A cached plan and, once it ran, its blocks. */
    private static final class Entry {
        final int id;
        final LogicalPlan plan;
        List<CachedBlockRef> blocks;
        int materializations;

        Entry(int id, LogicalPlan plan) {
            this.id = id;
            this.plan = plan;
        }
    }

    synchronized void register(LogicalPlan plan) {
        if (find(plan) == null) {
            entries.put(nextId, new Entry(nextId, plan));
            nextId++;
            version++;
        }
    }

    synchronized boolean unregister(LogicalPlan plan) {
        Entry entry = find(plan);
        if (entry != null) {
            entries.remove(entry.id);
            version++;
        }
        return entry != null;
    }

    /** Changes whenever a plan is cached or uncached: plans made before are planned again. */
    synchronized int version() {
        return version;
    }

    synchronized boolean isCached(LogicalPlan plan) {
        return find(plan) != null;
    }

    /** How many times the cached plan has run (1 after first use, however many queries read it). */
    synchronized int materializations(LogicalPlan plan) {
        Entry entry = find(plan);
        return entry == null ? 0 : entry.materializations;
    }

    /**
     * {@code plan} with every cached sub-plan (other than cache {@code excludedId}, the one being
     * computed) replaced by its materialized relation, running the cached plans not yet run.
     */
    LogicalPlan substitute(LogicalPlan plan, int excludedId) {
        return substitute(plan, excludedId, true);
    }

    /**
     * As {@link #substitute(LogicalPlan, int)}; without {@code materialize}, caches not yet run stay
     * unrun and their relations have no blocks (explain shows the plan without running anything).
     */
    LogicalPlan substitute(LogicalPlan plan, int excludedId, boolean materialize) {
        List<Entry> candidates;
        synchronized (this) {
            if (entries.isEmpty()) {
                return plan;
            }
            candidates = new ArrayList<>(entries.values());
        }
        return plan.transformDown(node -> {
            for (Entry entry : candidates) {
                // Outputs are column ids, unique per plan: compare them before whole trees.
                if (entry.id != excludedId && node.output().equals(entry.plan.output()) && node.equals(entry.plan)) {
                    List<CachedBlockRef> blocks = materialize ? materialize(entry) : blocksIfComputed(entry);
                    return new CachedRelation(entry.id, node.output(), blocks == null ? List.of() : blocks,
                            blocks != null);
                }
            }
            return node;
        });
    }

    private static List<CachedBlockRef> blocksIfComputed(Entry entry) {
        synchronized (entry) {
            return entry.blocks;
        }
    }

    private List<CachedBlockRef> materialize(Entry entry) {
        synchronized (entry) {
            if (entry.blocks != null) {
                return entry.blocks;
            }
            QueryExecution execution = new QueryExecution(session, entry.plan, entry.id);
            long budget = session.conf().get(io.spindle.conf.SpindleKeys.CACHE_MEMORY_BUDGET).bytes();
            List<StageTaskResult> results = session.stageScheduler().runStages(execution.stages(),
                    new StageSink.Cache(entry.id, budget, liveIds()));
            List<CachedBlockRef> blocks = new ArrayList<>(results.size());
            for (StageTaskResult result : results) {
                StageTaskResult.CachedPartition cached = (StageTaskResult.CachedPartition) result;
                blocks.add(new CachedBlockRef(entry.id, blocks.size(), cached.rows(), cached.recipe()));
            }
            entry.blocks = List.copyOf(blocks);
            entry.materializations++;
            return entry.blocks;
        }
    }

    private synchronized Set<Integer> liveIds() {
        return Set.copyOf(entries.keySet());
    }

    private Entry find(LogicalPlan plan) {
        for (Entry entry : entries.values()) {
            if (entry.plan.equals(plan)) {
                return entry;
            }
        }
        return null;
    }
}
