package io.spindle.plan.stage;

/**
 * Driver-side settings of stage execution.
 *
 * @param shuffleRoot directory of this application's shuffle files (a Hadoop path URI)
 * @param targetPartitionBytes adaptive target size of a reduce partition
 *     (TODO key spindle.sql.shuffle.targetPartitionBytes, default 128m)
 * @param minimumPartitionBytes smallest reduce partition coalescing aims for (TODO key
 *     spindle.sql.shuffle.minPartitionBytes, default 1m)
 * @param maxShufflePartitions upper bound of partitions a map task writes (TODO key
 *     spindle.sql.shuffle.maxPartitions, default 1000)
 * @param maxResultBytes spindle.driver.maxResultSize
 * @param skewFactor a join's reduce partition is skewed when this many times the median
 *     (spindle.shuffle.skewedPartitionFactor)...
 * @param skewThresholdBytes ...and larger than this (spindle.shuffle.skewedPartitionThreshold)
 */
public record SchedulerSettings(String shuffleRoot, long targetPartitionBytes, long minimumPartitionBytes,
        int maxShufflePartitions, long maxResultBytes, TaskSettings taskSettings, double skewFactor,
        long skewThresholdBytes) {

    public SchedulerSettings(String shuffleRoot, long targetPartitionBytes, long minimumPartitionBytes,
            int maxShufflePartitions, long maxResultBytes, TaskSettings taskSettings) {
        this(shuffleRoot, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions, maxResultBytes,
                taskSettings, 5.0, 256L << 20);
    }
}
