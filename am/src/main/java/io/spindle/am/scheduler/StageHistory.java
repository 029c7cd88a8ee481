package io.spindle.am.scheduler;

import io.spindle.exec.StageSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the {@link TaskScheduler} remembers of finished stages, for the status page and the job
 * result: their summaries in stage order, task counts for the progress fraction, and when the
 * first task launched. Not thread-safe: the scheduler calls it holding its lock.
 */
final class StageHistory {
    private final List<StageSummary> finished = new ArrayList<>();
    private long finishedTasks;
    private long finishedSucceeded;
    private long firstLaunchEpochMillis;

    /** A stage that ended (or could not start) without running through the scheduler's task sets. */
    void add(StageSummary summary) {
        finished.add(summary);
        finished.sort(Comparator.comparingInt(StageSummary::stageId));
    }

    /** A stage whose task set ended: its tasks count towards progress. */
    void stageFinished(StageSummary summary) {
        add(summary);
        finishedTasks += summary.tasks();
        finishedSucceeded += summary.succeededTasks();
    }

    void taskLaunched() {
        if (firstLaunchEpochMillis == 0) {
            firstLaunchEpochMillis = System.currentTimeMillis();
        }
    }

    List<StageSummary> summaries() {
        return List.copyOf(finished);
    }

    long firstLaunchEpochMillis() {
        return firstLaunchEpochMillis;
    }

    /** Succeeded over all tasks of finished and {@code active} stages; 0 before any. */
    float progress(List<TaskSetManager> active) {
        long total = finishedTasks;
        long done = finishedSucceeded;
        for (TaskSetManager stage : active) {
            total += stage.taskCount();
            done += stage.succeededCount();
        }
        return total == 0 ? 0f : (float) done / total;
    }
}
