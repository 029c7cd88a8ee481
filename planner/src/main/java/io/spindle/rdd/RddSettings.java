package io.spindle.rdd;

import java.io.Serializable;

/**
 * What Rdd tasks need to know on the executor.
 *
 * @param shuffleRoot the application's shuffle directory (Hadoop FS URI); shuffle files and cached blocks live under it
 * @param memoryBudgetBytes memory a task's combine and sort buffers may hold before spilling (spindle.task.memoryBudget)
 * @param localDir scratch directory for spill runs (spindle.local.dir; empty = java.io.tmpdir)
 * @param shuffleCompression "lz4" or "none" (spindle.shuffle.compression)
 * @param maxResultBytes bytes an action may bring to the driver (spindle.driver.maxResultSize)
 */
public record RddSettings(String shuffleRoot, long memoryBudgetBytes, String localDir, String shuffleCompression,
        long maxResultBytes) implements Serializable {

    public RddSettings withMemoryBudgetBytes(long bytes) {
        return new RddSettings(shuffleRoot, bytes, localDir, shuffleCompression, maxResultBytes);
    }
}
