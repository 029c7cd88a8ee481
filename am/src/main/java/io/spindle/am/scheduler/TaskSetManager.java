package io.spindle.am.scheduler;

import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.TaskFailure;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks of one stage: which are pending, running or done, how often each failed and where,
 * and their results. Decides which pending task goes to which free executor.
 *
 * <p>Placement, per scheduling round: first every free executor takes pending tasks that prefer
 * its host; then the remaining pending tasks, in task order, go to any free executor, avoiding
 * executors on which the task already failed unless every live executor has failed it.
 *
 * <p>Not thread-safe: guarded by the {@link TaskScheduler}'s lock.
 */
final class TaskSetManager {

    private enum State { PENDING, RUNNING, SUCCEEDED }

    /** Records a launch decided here; the scheduler gives it a task id and marks the core busy. */
    interface Launcher {
        void launch(TaskSetManager stage, int partition, int attempt, ExecutorSlot executor);
    }

    final int stageId;
    final String name;
    private final List<byte[]> serializedTasks;
    private final List<List<String>> preferredHosts;
    private final int maxAttempts;
    private final long startNanos;

    private final State[] states;
    private final int[] launchedAttempts;
    private final int[] countedFailures;
    private final Map<Integer, Set<String>> failedOn = new HashMap<>();
    private final byte[][] results;
    private final TreeSet<Integer> pending = new TreeSet<>();
    private final Map<String, ArrayDeque<Integer>> pendingByHost = new HashMap<>();

    private int running;
    private int succeeded;
    private int failedAttempts;
    private long endNanos;
    private JobFailedException failure;

    TaskSetManager(int stageId, String name, List<byte[]> serializedTasks, List<List<String>> preferredHosts,
            int maxAttempts, long nowNanos) {
        this.stageId = stageId;
        this.name = name;
        this.serializedTasks = serializedTasks;
        this.preferredHosts = preferredHosts;
        this.maxAttempts = maxAttempts;
        this.startNanos = nowNanos;
        int count = serializedTasks.size();
        this.states = new State[count];
        this.launchedAttempts = new int[count];
        this.countedFailures = new int[count];
        this.results = new byte[count][];
        for (int partition = 0; partition < count; partition++) {
            enqueue(partition);
        }
        if (count == 0) {
            endNanos = nowNanos;
        }
    }

    /** Hands pending tasks to the free executors; see the class comment for the order. */
    void assign(List<ExecutorSlot> free, Set<String> liveIds, Launcher launcher) {
        if (isDone() || pending.isEmpty()) {
            return;
        }
        if (!pendingByHost.isEmpty()) {
            for (ExecutorSlot slot : free) {
                int partition;
                while (slot.freeCores() > 0 && (partition = pollLocal(slot)) >= 0) {
                    launch(partition, slot, launcher);
                }
            }
        }
        Iterator<Integer> candidates = pending.iterator();
        while (candidates.hasNext() && hasFreeCore(free)) {
            int partition = candidates.next();
            ExecutorSlot slot = chooseExecutor(partition, free, liveIds);
            if (slot != null) {
                candidates.remove();
                launch(partition, slot, launcher);
            }
        }
    }

    private void launch(int partition, ExecutorSlot slot, Launcher launcher) {
        pending.remove(partition);
        states[partition] = State.RUNNING;
        running++;
        launcher.launch(this, partition, launchedAttempts[partition]++, slot);
    }

    private int pollLocal(ExecutorSlot slot) {
        ArrayDeque<Integer> local = pendingByHost.get(slot.host());
        if (local == null) {
            return -1;
        }
        for (Iterator<Integer> it = local.iterator(); it.hasNext(); ) {
            int partition = it.next();
            if (states[partition] != State.PENDING) {
                it.remove();
            } else if (!hasFailedOn(partition, slot.id())) {
                it.remove();
                return partition;
            }
        }
        return -1;
    }

    private ExecutorSlot chooseExecutor(int partition, List<ExecutorSlot> free, Set<String> liveIds) {
        ExecutorSlot fallback = null;
        ExecutorSlot any = null;
        for (ExecutorSlot slot : free) {
            if (slot.freeCores() <= 0) {
                continue;
            }
            if (any == null) {
                any = slot;
            }
            if (!hasFailedOn(partition, slot.id())) {
                if (preferredHosts.get(partition).contains(slot.host())) {
                    return slot;
                }
                if (fallback == null) {
                    fallback = slot;
                }
            }
        }
        if (fallback != null) {
            return fallback;
        }
        Set<String> failed = failedOn.get(partition);
        return failed != null && failed.containsAll(liveIds) ? any : null;
    }

    private boolean hasFailedOn(int partition, String executorId) {
        Set<String> failed = failedOn.get(partition);
        return failed != null && failed.contains(executorId);
    }

    private static boolean hasFreeCore(List<ExecutorSlot> free) {
        for (ExecutorSlot slot : free) {
            if (slot.freeCores() > 0) {
                return true;
            }
        }
        return false;
    }

    private void enqueue(int partition) {
        states[partition] = State.PENDING;
        pending.add(partition);
        for (String host : preferredHosts.get(partition)) {
            pendingByHost.computeIfAbsent(host, unused -> new ArrayDeque<>()).addLast(partition);
        }
    }

    byte[] serializedTask(int partition) {
        return serializedTasks.get(partition);
    }

    void attemptSucceeded(int partition, byte[] result, long nowNanos) {
        running--;
        if (isDone() || states[partition] == State.SUCCEEDED) {
            return;
        }
        states[partition] = State.SUCCEEDED;
        results[partition] = result;
        succeeded++;
        if (succeeded == states.length) {
            endNanos = nowNanos;
        }
    }

    /**
     * An attempt ended in an error, or with its executor lost. Re-queues the task, or fails the
     * stage when a counted failure reaches the attempt limit.
     *
     * @param counts whether this attempt counts towards {@code spindle.task.maxAttempts}
     */
    void attemptFailed(int partition, ExecutorInfo executor, TaskFailure error, boolean counts, long nowNanos) {
        running--;
        failedAttempts++;
        if (isDone() || states[partition] == State.SUCCEEDED) {
            return;
        }
        if (counts) {
            countedFailures[partition]++;
            failedOn.computeIfAbsent(partition, unused -> new HashSet<>()).add(executor.executorId());
            if (countedFailures[partition] >= maxAttempts) {
                fail(new JobFailedException(JobFailedException.Cause.TASK_FAILED,
                        "Task " + partition + " of stage '" + name + "' (stage " + stageId + ") failed "
                                + countedFailures[partition] + " times; last error on executor "
                                + executor.executorId() + " (host " + executor.host() + "): " + error.summary(),
                        error), nowNanos);
                return;
            }
        }
        enqueue(partition);
    }

    void fail(JobFailedException cause, long nowNanos) {
        if (!isDone()) {
            failure = cause;
            endNanos = nowNanos;
        }
    }

    /** Hosts preferred by tasks still waiting for an executor. */
    Set<String> pendingHosts() {
        Set<String> hosts = new java.util.HashSet<>();
        pendingByHost.forEach((host, partitions) -> {
            if (partitions.stream().anyMatch(pending::contains)) {
                hosts.add(host);
            }
        });
        return hosts;
    }

    boolean isDone() {
        return failure != null || succeeded == states.length;
    }

    /** The reason this stage failed, or null. */
    JobFailedException failure() {
        return failure;
    }

    byte[] result(int partition) {
        return results[partition];
    }

    int taskCount() {
        return states.length;
    }

    int runningCount() {
        return running;
    }

    int succeededCount() {
        return succeeded;
    }

    StageSummary summary(long nowNanos) {
        long end = isDone() ? endNanos : nowNanos;
        return new StageSummary(stageId, name, states.length, succeeded, failedAttempts,
                (end - startNanos) / 1_000_000, failure == null && isDone());
    }
}
