package io.spindle.plan.stage;

import java.io.Serializable;

/** What a stage task reports back to the driver. */
public sealed interface StageTaskResult extends Serializable permits StageTaskResult.MapOutput, StageTaskResult.Rows,
        StageTaskResult.WrittenFile, StageTaskResult.CachedPartition {

    /**
     * A committed map output: the index file that names the data file, and the bytes written per
     * reduce partition — the sizes adaptive coalescing works from.
     */
    record MapOutput(String indexFile, long[] partitionBytes, long rows) implements StageTaskResult {
        public long totalBytes() {
            long total = 0;
            for (long bytes : partitionBytes) {
                total += bytes;
            }
            return total;
        }
    }

    /**
     * Result rows, Java-serialized as a {@code List<Object[]>} of values in the Java form of their
     * types; kept as bytes so the driver can check the size before deserializing.
     */
    record Rows(byte[] serialized, int rowCount) implements StageTaskResult {
    }

    /** A file a write task finished in the staging directory; null path when it had no rows. */
    record WrittenFile(String path, long rows) implements StageTaskResult {
    }

    /** A partition kept by a cache sink, with the fragment that computed it (to recompute a lost block). */
    record CachedPartition(int partition, long rows, long bytes, boolean inMemory,
            io.spindle.plan.physical.PhysicalPlan recipe) implements StageTaskResult {
    }
}
