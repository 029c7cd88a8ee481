package io.spindle.plan.physical;

import org.apache.hadoop.conf.Configuration;

/**
 * What physical planning needs from the session.
 *
 * @param maxSplitBytes target size of a file split (spindle.files.maxPartitionBytes)
 */
public record PlanningContext(Configuration hadoopConf, int defaultParallelism, long maxSplitBytes) {
}
