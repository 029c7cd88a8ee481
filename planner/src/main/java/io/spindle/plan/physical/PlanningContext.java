package io.spindle.plan.physical;

import org.apache.hadoop.conf.Configuration;

/**
 * What physical planning needs from the session.
 *
 * @param maxSplitBytes target size of a file split (spindle.files.maxPartitionBytes)
 * @param openCostBytes what opening a file costs in bytes when packing small files (spindle.files.openCostBytes)
 * @param broadcastThresholdBytes a join side estimated at most this size is broadcast; 0 or less
 *     never broadcasts (spindle.sql.autoBroadcastJoinThreshold)
 * @param preferSortMergeJoin a join of two shuffled sides is a sort-merge join whatever the sizes
 *     (spindle.sql.join.preferSortMergeJoin); otherwise {@link JoinPlanner} chooses by size
 * @param targetPartitionBytes the reduce partition size adaptive coalescing aims for
 *     (spindle.shuffle.targetPartitionBytes), to estimate a shuffled join's partitions
 * @param maxShufflePartitions partitions a shuffle writes at most (spindle.shuffle.maxPartitions)
 * @param taskMemoryBytes one task's memory budget (spindle.task.memoryBudget), which a shuffled hash
 *     join's build side per partition should fit
 */
public record PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
        long openCostBytes, long broadcastThresholdBytes, boolean preferSortMergeJoin, long targetPartitionBytes,
        int maxShufflePartitions, long taskMemoryBytes) {
    /** Defaults of spindle.shuffle.targetPartitionBytes, spindle.shuffle.maxPartitions and spindle.task.memoryBudget. */
    public static final long DEFAULT_TARGET_PARTITION_BYTES = 128L << 20;
    public static final int DEFAULT_MAX_SHUFFLE_PARTITIONS = 1000;
    public static final long DEFAULT_TASK_MEMORY_BYTES = 256L << 20;

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
            long broadcastThresholdBytes, boolean preferSortMergeJoin) {
        this(hadoopConf, defaultParallelism, maxSplitBytes,
                io.spindle.formats.split.SplitPlanner.DEFAULT_OPEN_COST_BYTES, broadcastThresholdBytes,
                preferSortMergeJoin, DEFAULT_TARGET_PARTITION_BYTES, DEFAULT_MAX_SHUFFLE_PARTITIONS,
                DEFAULT_TASK_MEMORY_BYTES);
    }

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
            long broadcastThresholdBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, broadcastThresholdBytes, false);
    }

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, JoinPlanner.DEFAULT_BROADCAST_THRESHOLD);
    }

    /** The same context with another task memory budget and target reduce partition size. */
    public PlanningContext withJoinSizing(long taskMemory, long targetPartition) {
        return new PlanningContext(hadoopConf, defaultParallelism, maxSplitBytes, openCostBytes,
                broadcastThresholdBytes, preferSortMergeJoin, targetPartition, maxShufflePartitions, taskMemory);
    }
}
