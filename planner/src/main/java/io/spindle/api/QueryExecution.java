package io.spindle.api;

import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.PlanText;
import io.spindle.plan.optimizer.Optimizer;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.PhysicalPlanner;
import io.spindle.plan.physical.PlanningContext;
import io.spindle.plan.stage.StageGraph;

/**
 * The phases of one query, computed lazily: analyzed (by the Dataset, eagerly) → optimized →
 * physical → stages. explain() prints them all.
 */
public final class QueryExecution {
    private final Session session;
    private final LogicalPlan analyzed;
    /** The cache this execution computes, not to be read from itself; -1 for an ordinary query. */
    private final int computedCacheId;
    private LogicalPlan optimized;
    private PhysicalPlan physical;
    private StageGraph stages;
    private volatile java.util.List<String> adaptiveDecisions = java.util.List.of();

    QueryExecution(Session session, LogicalPlan analyzed) {
        this(session, analyzed, -1);
    }

    QueryExecution(Session session, LogicalPlan analyzed, int computedCacheId) {
        this.session = session;
        this.analyzed = analyzed;
        this.computedCacheId = computedCacheId;
    }

    public LogicalPlan analyzed() {
        return analyzed;
    }

    public synchronized LogicalPlan optimized() {
        if (optimized == null) {
            // Cached sub-plans become their blocks first (running them if this is their first use).
            LogicalPlan withCaches = session.cacheManager().substitute(analyzed, computedCacheId);
            optimized = new Optimizer(session.engineSettings().excludedRules()).optimize(withCaches);
        }
        return optimized;
    }

    public synchronized PhysicalPlan physical() {
        if (physical == null) {
            physical = new PhysicalPlanner(planningContext()).plan(optimized());
        }
        return physical;
    }

    private PlanningContext planningContext() {
        return new PlanningContext(session.hadoopConf(), session.defaultParallelism(),
                session.conf().get(io.spindle.conf.SpindleKeys.FILES_MAX_PARTITION_BYTES).bytes(),
                session.conf().get(io.spindle.conf.SpindleKeys.FILES_OPEN_COST_BYTES).bytes(),
                session.engineSettings().broadcastThresholdBytes(), session.engineSettings().preferSortMergeJoin(),
                session.engineSettings().targetPartitionBytes(), session.engineSettings().maxShufflePartitions(),
                session.engineSettings().taskMemoryBytes());
    }

    public synchronized StageGraph stages() {
        if (stages == null) {
            stages = StageGraph.cut(physical());
        }
        return stages;
    }

    /** The explain text of a plan whose caches are not computed yet, planned without running anything. */
    private String previewString() {
        LogicalPlan preview = new Optimizer(session.engineSettings().excludedRules())
                .optimize(session.cacheManager().substitute(analyzed, computedCacheId, false));
        PhysicalPlan previewPhysical = new PhysicalPlanner(planningContext()).plan(preview);
        return PlanText.normalizeIds("== Analyzed Logical Plan ==\n" + analyzed.treeString()
                + "\n== Optimized Logical Plan ==\n" + preview.treeString()
                + "\n== Physical Plan ==\n" + previewPhysical.treeString()
                + "\n== Stages ==\n" + StageGraph.cut(previewPhysical).describe());
    }

    /** Runs the stages and keeps what the adaptive steps decided, for explain. */
    java.util.List<Object[]> run() {
        io.spindle.plan.stage.StageScheduler scheduler = session.stageScheduler();
        try {
            return scheduler.run(stages());
        } finally {
            adaptiveDecisions = scheduler.adaptiveDecisions();
        }
    }

    /**
     * Every phase, with column ids renumbered so the text is stable across runs; after the query
     * ran, also what the adaptive steps decided (skewed join partitions split).
     */
    public String explainString() {
        boolean planned;
        synchronized (this) {
            planned = optimized != null;
        }
        if (!planned) {
            return previewString(); // explain before any run must not compute caches
        }
        String adaptive = adaptiveDecisions.isEmpty() ? ""
                : "\n== Adaptive decisions (last run) ==\n" + String.join("\n", adaptiveDecisions) + "\n";
        return PlanText.normalizeIds("== Analyzed Logical Plan ==\n" + analyzed.treeString()
                + "\n== Optimized Logical Plan ==\n" + optimized().treeString()
                + "\n== Physical Plan ==\n" + physical().treeString()
                + "\n== Stages ==\n" + stages().describe() + adaptive);
    }
}
