package io.spindle.plan.physical;

import org.apache.hadoop.conf.Configuration;

/**
 * What physical planning needs from the session.
 *
 * @param maxSplitBytes target size of a file split (spindle.files.maxPartitionBytes)
 * @param openCostBytes what opening a file costs in bytes when packing small files (spindle.files.openCostBytes)
 */
public record PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes,
        long openCostBytes) {

    public PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes) {
        this(hadoopConf, defaultParallelism, maxSplitBytes, io.spindle.formats.split.SplitPlanner.DEFAULT_OPEN_COST_BYTES);
    }
}
