package io.spindle.am.scheduler;

/**
 * Decides what a broken executor connection means. By the time it is called the executor gets no
 * new tasks; its running tasks stay assigned to it until someone calls
 * {@link TaskScheduler#executorLost}.
 *
 * <p>The default counts the loss against the executor's tasks. The YARN layer can instead wait
 * for the container's exit status (preemption and node loss are not the tasks' fault) and report
 * the loss itself, with a bounded wait so that tasks are not stranded.
 */
@FunctionalInterface
public interface ExecutorDisconnectHandler {

    ExecutorDisconnectHandler COUNT_AGAINST_TASKS =
            (executorId, reason, scheduler) -> scheduler.executorLost(executorId, reason, true);

    void disconnected(String executorId, String reason, TaskScheduler scheduler);
}
