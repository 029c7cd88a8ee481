package io.spindle.plan.stage;

import java.io.Serializable;

/**
 * Engine settings a task needs on the executor.
 *
 * @param memoryBudgetBytes memory a task's operators may hold before spilling
 *     (TODO key spindle.task.memoryBudget; until it exists, {@link io.spindle.api.EngineSettings})
 * @param batchSize rows per batch (spindle.read.batchSize)
 * @param localDir scratch directory for spill files (spindle.local.dir; empty = java.io.tmpdir)
 * @param shuffleCompression codec of shuffle blocks: "lz4" or "none"
 *     (TODO key spindle.shuffle.compression)
 */
public record TaskSettings(long memoryBudgetBytes, int batchSize, String localDir, String shuffleCompression)
        implements Serializable {
}
