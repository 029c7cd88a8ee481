package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.plan.stage.TaskLauncher;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs Rdd jobs on the driver. The lineage is cut at shuffle dependencies: every shuffle whose
 * output does not exist yet becomes a map stage (one task per parent partition), run parents
 * first; then the action runs as the result stage, one task per requested partition. Lineage
 * behind an Rdd whose partitions are all cached is not walked: the cache stands in for it.
 */
public final class RddScheduler {
    private final TaskLauncher launcher;
    private final RddContext context;

    RddScheduler(TaskLauncher launcher, RddContext context) {
        this.launcher = launcher;
        this.context = context;
    }

    public <T, R extends Serializable> List<R> runJob(Rdd<T> rdd, PartitionAction<T, R> action,
            List<Integer> partitions) {
        RddSettings settings = context.settings();
        prepareShuffles(rdd, settings, new HashSet<>());
        List<ResultTask<T, R>> tasks = new ArrayList<>(partitions.size());
        for (int partition : partitions) {
            tasks.add(new ResultTask<>(rdd, partition, action, settings));
        }
        return launcher.runTasks("rdd " + rdd.id() + " (result)", tasks);
    }

    public <T, R extends Serializable> List<R> runJob(Rdd<T> rdd, PartitionAction<T, R> action) {
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < rdd.numPartitions(); p++) {
            all.add(p);
        }
        return runJob(rdd, action, all);
    }

    /**
     * Runs what computing {@code rdd}'s partitions in tasks needs first (its shuffles' map
     * stages), for a Dataset stage that reads the Rdd.
     */
    public void prepare(Rdd<?> rdd) {
        prepareShuffles(rdd, context.settings(), new HashSet<>());
    }

    private void prepareShuffles(Rdd<?> rdd, RddSettings settings, Set<Integer> visited) {
        if (!visited.add(rdd.id())) {
            return;
        }
        if (rdd instanceof DriverPrepared prepared) {
            prepared.prepareOnDriver();
        }
        if (rdd.isPersisted() && BlockStore.allPresent(context.hadoopConf(), settings, rdd.id(), rdd.numPartitions())) {
            return;
        }
        for (Dependency dependency : rdd.dependencies()) {
            if (dependency instanceof ShuffleDependency<?, ?, ?> shuffle) {
                if (!shuffle.isComputed()) {
                    prepareShuffles(shuffle.rdd(), settings, visited);
                    runMapStage(shuffle, settings);
                }
            } else {
                prepareShuffles(dependency.rdd(), settings, visited);
            }
        }
    }

    private void runMapStage(ShuffleDependency<?, ?, ?> shuffle, RddSettings settings) {
        List<ShuffleMapTask> tasks = new ArrayList<>();
        for (int p = 0; p < shuffle.rdd().numPartitions(); p++) {
            tasks.add(new ShuffleMapTask(shuffle, p, settings));
        }
        List<ShuffleMapStatus> statuses = launcher.runTasks("rdd " + shuffle.rdd().id() + " (shuffle map)", tasks);
        List<String> indexFiles = new ArrayList<>(statuses.size());
        for (ShuffleMapStatus status : statuses) {
            indexFiles.add(status.indexFile());
        }
        shuffle.markComputed(indexFiles);
    }
}
