package io.spindle.exec;

import java.io.Serializable;

/**
 * Counts for one finished (or failed) stage.
 *
 * @param failedAttempts attempts that ended in an error or with their executor lost
 */
public record StageSummary(
        int stageId,
        String name,
        int tasks,
        int succeededTasks,
        int failedAttempts,
        long durationMillis,
        boolean succeeded) implements Serializable {
}
