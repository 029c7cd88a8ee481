package io.spindle.plan.physical;

import org.apache.hadoop.conf.Configuration;

/**
 * What physical planning needs from the session.
 *
 * @param maxSplitBytes target size of a file split (spindle.files.maxPartitionBytes)
 * @param openCostBytes what opening a file costs in bytes when packing small files (spindle.files.openCostBytes)
 * @param broadcastThresholdBytes a join side estimated at most this size is broadcast; 0 or less
 *     never broadcasts (spindle.sql.autoBroadcastJoinThreshold)
 * @param preferSortMergeJoin a join of two shuffled sides is a sort-merge join rather than a shuffled
 *     hash join (spindle.sql.join.preferSortMergeJoin)
 */
public record PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
        long openCostBytes, long broadcastThresholdBytes, boolean preferSortMergeJoin) {

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
            long broadcastThresholdBytes, boolean preferSortMergeJoin) {
        this(hadoopConf, defaultParallelism, maxSplitBytes,
                io.spindle.formats.split.SplitPlanner.DEFAULT_OPEN_COST_BYTES, broadcastThresholdBytes,
                preferSortMergeJoin);
    }

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
            long broadcastThresholdBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, broadcastThresholdBytes, false);
    }

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, JoinPlanner.DEFAULT_BROADCAST_THRESHOLD);
    }
}
