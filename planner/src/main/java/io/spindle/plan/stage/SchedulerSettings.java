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
 */
public record SchedulerSettings(String shuffleRoot, long targetPartitionBytes, long minimumPartitionBytes,
        int maxShufflePartitions, long maxResultBytes, TaskSettings taskSettings) {
}
