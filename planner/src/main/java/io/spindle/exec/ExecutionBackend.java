package io.spindle.exec;

import java.io.Serializable;
import java.util.List;

/**
 * Runs stages of tasks on executors. The planner builds stages; the backend (local threads or
 * YARN containers, both in {@code am/}) places, runs and retries their tasks.
 */
public interface ExecutionBackend extends AutoCloseable {

    /**
     * Runs every task of one stage and returns their results in task order.
     *
     * @throws JobFailedException when a task has failed {@code spindle.task.maxAttempts} times, or
     *     the backend can no longer run tasks (all executors lost past the failure limit)
     */
    <R extends Serializable> List<R> runStage(String stageName, List<? extends Task<R>> tasks);

    /** Task slots the backend has, or is asking for: a sensible number of partitions. */
    int defaultParallelism();

    String applicationId();

    /** Per-stage counts of what ran so far, in stage order. */
    List<StageSummary> stageSummaries();

    /** Stops executors and releases resources; idempotent. */
    @Override
    void close();
}
