package io.spindle.am.scheduler;

/**
 * Told when executors come and go, so that the YARN layer can map executor ids to containers and
 * replace lost ones. Called outside the scheduler's lock, on the thread that caused the event;
 * implementations must be quick and must not block.
 */
public interface ExecutorListener {

    default void executorRegistered(ExecutorInfo executor) {
    }

    /**
     * Called once per executor, for the first loss report only.
     *
     * @param countsAgainstTasks whether the loss counted towards its tasks' attempt limit
     */
    default void executorLost(ExecutorInfo executor, String reason, boolean countsAgainstTasks) {
    }
}
