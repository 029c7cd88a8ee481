package io.spindle.plan.stage;

import io.spindle.formats.ReadMetrics;
import io.spindle.formats.commit.TaskCommitMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What a stage task reports back to the driver. */
public sealed interface StageTaskResult extends Serializable permits StageTaskResult.MapOutput, StageTaskResult.Rows,
        StageTaskResult.WrittenFiles, StageTaskResult.Measured, StageTaskResult.CachedPartition {

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

    /** What a write task committed: its files in its attempt's staging directory (see FileCommitProtocol). */
    record WrittenFiles(TaskCommitMessage message) implements StageTaskResult {
    }

    /**
     * A result with what the task's file scans read ({@link TaskScanMetrics}). The driver's task
     * launcher takes the metrics off ({@link #unwrap}) before the scheduler sees the result.
     */
    record Measured(StageTaskResult result, ReadMetrics scanned) implements StageTaskResult {
        /** The results without their metrics, and the metrics summed into {@code total[0]}. */
        public static <R> List<R> unwrap(List<R> results, ReadMetrics[] total) {
            List<R> plain = new ArrayList<>(results.size());
            for (R result : results) {
                if (result instanceof Measured measured) {
                    total[0] = total[0].plus(measured.scanned());
                    @SuppressWarnings("unchecked")
                    R inner = (R) measured.result();
                    plain.add(inner);
                } else {
                    plain.add(result);
                }
            }
            return plain;
        }
    }

    /** A partition kept by a cache sink, with the fragment that computed it (to recompute a lost block). */
    record CachedPartition(int partition, long rows, long bytes, boolean inMemory,
            io.spindle.plan.physical.PhysicalPlan recipe) implements StageTaskResult {
    }
}
