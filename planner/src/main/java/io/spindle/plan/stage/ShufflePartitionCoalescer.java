package io.spindle.plan.stage;

import io.spindle.plan.physical.ShuffleReadExec.PartitionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive step: after a map stage, groups its many small partitions into contiguous ranges of
 * about a target size, using the bytes the map tasks actually wrote. The target is
 * {@code targetBytes} (128 MB by default) but never more than an even share of the data over the
 * cluster's task slots, nor less than {@code minimumBytes}: a 300 MB shuffle on 8 slots gets ~8
 * reducers, not 3, and a 10 KB one gets 1 rather than 8 tiny ones.
 *
 * <p>Splitting skewed partitions is not done here: a final aggregation needs all rows of a key in
 * one task; it will come with joins, where a skewed side can be split.
 */
public final class ShufflePartitionCoalescer {
    private ShufflePartitionCoalescer() {}

    public static List<PartitionRange> coalesce(long[] bytesPerPartition, long targetBytes, long minimumBytes,
            int parallelism) {
        long total = 0;
        for (long bytes : bytesPerPartition) {
            total += bytes;
        }
        long share = (total + parallelism - 1) / Math.max(1, parallelism);
        long target = Math.max(minimumBytes, Math.min(targetBytes, share));
        List<PartitionRange> ranges = new ArrayList<>();
        int start = 0;
        long current = 0;
        for (int partition = 0; partition < bytesPerPartition.length; partition++) {
            long bytes = bytesPerPartition[partition];
            if (partition > start && current + bytes > target) {
                ranges.add(new PartitionRange(start, partition));
                start = partition;
                current = 0;
            }
            current += bytes;
        }
        ranges.add(new PartitionRange(start, Math.max(start + 1, bytesPerPartition.length)));
        return ranges;
    }
}
