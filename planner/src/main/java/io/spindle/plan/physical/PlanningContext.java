package io.spindle.plan.physical;

import org.apache.hadoop.conf.Configuration;

/**
 * What physical planning needs from the session.
 *
 * @param maxSplitBytes target size of a file split (spindle.files.maxPartitionBytes)
 * @param broadcastThresholdBytes a join side estimated at most this size is broadcast; 0 or less
 *     never broadcasts (spindle.sql.autoBroadcastJoinThreshold)
 */
public record PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
        long broadcastThresholdBytes) {

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, JoinPlanner.DEFAULT_BROADCAST_THRESHOLD);
    }
}
