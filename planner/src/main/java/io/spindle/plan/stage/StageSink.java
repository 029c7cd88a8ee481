package io.spindle.plan.stage;

import io.spindle.formats.commit.WriteMode;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.physical.Partitioning;
import java.io.Serializable;
import java.util.List;

/** Where a stage's output goes: shuffle files for the next stage, or rows back to the driver. */
public sealed interface StageSink extends Serializable permits StageSink.Shuffle, StageSink.Result, StageSink.Write,
        StageSink.Cache {

    /**
     * Partitions rows by {@code partitioning} (keys bound to the fragment's output) into
     * {@code partitions} partitions, written as one data file plus one index per map task under
     * {@code directory}.
     */
    record Shuffle(int shuffleId, Partitioning partitioning, int partitions, String directory) implements StageSink {
    }

    /** Returns rows to the driver; a task whose rows exceed {@code maxResultBytes} fails early. */
    record Result(long maxResultBytes) implements StageSink {
    }

    /**
     * Writes each task's rows through the file commit protocol of job {@code jobId} on
     * {@code output}: into the task attempt's staging directory, one directory per partition of
     * {@code partitionColumns}; the driver's job commit publishes them (see {@link FileWriteTask}).
     */
    record Write(FormatSpec format, String output, String jobId, WriteMode mode, List<String> partitionColumns,
            WriteLayout layout) implements StageSink {
        public Write {
            partitionColumns = List.copyOf(partitionColumns);
        }
    }

    /**
     * Keeps each task's rows as block ({@code cacheId}, partition) in the executor: in memory while
     * the executor's cached blocks fit in {@code memoryBudgetBytes}, else in a local file. Blocks of
     * caches not in {@code liveCacheIds} (unpersisted) are dropped first.
     */
    record Cache(int cacheId, long memoryBudgetBytes, java.util.Set<Integer> liveCacheIds) implements StageSink {
        public Cache {
            liveCacheIds = java.util.Set.copyOf(liveCacheIds);
        }
    }
}
