package io.spindle.plan.stage;

import io.spindle.formats.ReadMetrics;

/**
 * What the file scans of the task running on this thread read, summed. A {@link StageTask} opens
 * the tally before it runs its pipeline and sends it to the driver with its result
 * ({@link StageTaskResult.Measured}); scan readers add to it when they close. A thread-local,
 * because a task's pipeline runs on the task's thread and the readers are built far from the task.
 */
public final class TaskScanMetrics {
    private static final ThreadLocal<ReadMetrics[]> CURRENT = new ThreadLocal<>();

    private TaskScanMetrics() {}

    /** Starts a tally on this thread; returns the one it replaces, to restore with {@link #end}. */
    static ReadMetrics[] begin() {
        ReadMetrics[] previous = CURRENT.get();
        CURRENT.set(new ReadMetrics[] {ReadMetrics.EMPTY});
        return previous;
    }

    /** The tally of this thread's task, then the previous one restored. */
    static ReadMetrics end(ReadMetrics[] previous) {
        ReadMetrics[] tally = CURRENT.get();
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        return tally == null ? ReadMetrics.EMPTY : tally[0];
    }

    /** Adds a reader's metrics to the running task's tally; ignored outside a task. */
    public static void add(ReadMetrics metrics) {
        ReadMetrics[] tally = CURRENT.get();
        if (tally != null) {
            tally[0] = tally[0].plus(metrics);
        }
    }
}
