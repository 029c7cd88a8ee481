package io.spindle.plan.physical;

import java.io.Serializable;
import java.util.Locale;

/**
 * What a join's strategy was chosen from, for explain: each side's estimated bytes
 * ({@link SizeEstimator}), the reduce partitions a shuffle would be coalesced into, the build side's
 * share of one partition, the task memory budget, and why the strategy won.
 *
 * @param partitions estimated reduce partitions of a shuffled join: both sides' bytes over
 *     spindle.shuffle.targetPartitionBytes (at least 1, at most spindle.shuffle.maxPartitions)
 * @param buildBytesPerPartition the hash join's build side per reduce partition
 */
public record JoinSizeEstimate(long leftBytes, long rightBytes, int partitions, long buildBytesPerPartition,
        long taskMemoryBytes, String reason) implements Serializable {

    @Override
    public String toString() {
        return "estimated left=" + bytes(leftBytes) + " right=" + bytes(rightBytes) + " partitions=" + partitions
                + " build/partition=" + bytes(buildBytesPerPartition) + " taskBudget=" + bytes(taskMemoryBytes)
                + ": " + reason;
    }

    /** A size for people: "unknown" for {@link SizeEstimator#UNKNOWN}, else bytes with one decimal in its unit. */
    static String bytes(long bytes) {
        if (bytes >= SizeEstimator.UNKNOWN) {
            return "unknown";
        }
        if (bytes < 1024) {
            return bytes + "B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }
}
