package io.spindle.am.scheduler;

import com.google.inject.Inject;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.exec.TaskFailure;
import io.spindle.runtime.rpc.RpcConnection;
import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the tasks of running stages on executor cores, retries failed attempts and re-queues the
 * tasks of lost executors.
 *
 * <p>All state sits under one lock and changes only in response to events: a stage submitted,
 * an executor registered or lost, an attempt finished or failed. Every event ends with a
 * scheduling round that hands pending tasks to free cores. Messages to executors and listener
 * calls are collected under the lock and made after it is released, on the thread that caused
 * the event, so there is no scheduler thread and no polling.
 *
 * <p>Results arrive as bytes and are deserialized on the thread that called {@link #runStage},
 * with its context class loader.
 */
public final class TaskScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);
    /** Room for the LaunchTask fields around the task bytes within one RPC frame. */
    private static final int LAUNCH_OVERHEAD_BYTES = 64 << 10;

    private final int maxAttempts;
    private final int maxTaskBytes;
    private final boolean locality;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stageDone = lock.newCondition();
    private final ExecutorRegistry executors = new ExecutorRegistry();
    private final List<TaskSetManager> activeStages = new ArrayList<>();
    private final StageHistory history = new StageHistory();
    private final Map<Long, RunningAttempt> attempts = new HashMap<>();
    private final List<ExecutorListener> listeners = new CopyOnWriteArrayList<>();
    private int nextStageId;
    private long nextTaskId;
    private String abortReason;
    private JobFailedException.Cause abortCause;
    private boolean stopped;

    private record RunningAttempt(TaskSetManager stage, int partition, ExecutorSlot executor) {
    }

    @Inject
    public TaskScheduler(SpindleConf conf) {
        this(conf.get(SpindleKeys.TASK_MAX_ATTEMPTS), RpcConnection.DEFAULT_MAX_FRAME_BYTES - LAUNCH_OVERHEAD_BYTES,
                conf.get(SpindleKeys.LOCALITY_PREFERRED_HOSTS));
    }

    TaskScheduler(int maxAttempts, int maxTaskBytes) {
        this(maxAttempts, maxTaskBytes, true);
    }

    TaskScheduler(int maxAttempts, int maxTaskBytes, boolean locality) {
        this.maxAttempts = maxAttempts;
        this.maxTaskBytes = maxTaskBytes;
        this.locality = locality;
    }

    /**
     * Hosts that pending tasks prefer (at most {@code limit}), for container requests: a
     * replacement executor is asked for where the waiting input is.
     */
    public List<String> pendingPreferredHosts(int limit) {
        lock.lock();
        try {
            java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>();
            for (TaskSetManager stage : activeStages) {
                hosts.addAll(stage.pendingHosts());
            }
            return hosts.stream().limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    public void addListener(ExecutorListener listener) {
        listeners.add(listener);
    }

    /**
     * Runs one stage and blocks until every task has succeeded. Safe to call from several threads;
     * concurrent stages share the executors in submission order.
     *
     * @return the results in task order
     * @throws JobFailedException when a task failed {@code spindle.task.maxAttempts} times, the
     *     scheduler was aborted or stopped, or a task cannot be shipped (not serializable, too large)
     */
    public <R extends Serializable> List<R> runStage(String name, List<? extends Task<R>> tasks) {
        int stageId = allocateStageId();
        long start = System.nanoTime();
        StageTasks stageTasks;
        try {
            stageTasks = StageTasks.serialize(name, stageId, tasks, maxTaskBytes);
        } catch (JobFailedException e) {
            recordFinished(new StageSummary(stageId, name, tasks.size(), 0, 0, 0, false));
            throw e;
        }
        List<List<String>> hosts = locality ? stageTasks.preferredHosts()
                : java.util.Collections.nCopies(tasks.size(), List.of());
        TaskSetManager stage = new TaskSetManager(stageId, name, stageTasks.serialized(), hosts, maxAttempts, start);
        awaitStage(stage);
        return StageTasks.results(stage);
    }

    private int allocateStageId() {
        return locked(() -> nextStageId++);
    }

    private void recordFinished(StageSummary summary) {
        locked(() -> {
            history.add(summary);
            return null;
        });
    }

    /** {@code action}'s result, computed holding the scheduler's lock. */
    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void awaitStage(TaskSetManager stage) {
        Outbox outbox = new Outbox();
        lock.lock();
        try {
            if (stopped || abortReason != null) {
                stage.fail(new JobFailedException(stopped ? JobFailedException.Cause.INFRASTRUCTURE : abortCause,
                        "Cannot run stage '" + stage.name + "': " + (stopped ? "the scheduler was stopped"
                                : "the job was aborted: " + abortReason), null), System.nanoTime());
                history.add(stage.summary(System.nanoTime()));
            } else {
                activeStages.add(stage);
                schedule(outbox);
                finishIfDone(stage);
            }
        } finally {
            outbox.runAfterUnlock(lock);
        }
        JobFailedException failure;
        lock.lock();
        try {
            while (!stage.isDone()) {
                try {
                    stageDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stage.fail(new JobFailedException(JobFailedException.Cause.INFRASTRUCTURE,
                            "Interrupted while waiting for stage '" + stage.name + "'", null), System.nanoTime());
                    finishIfDone(stage);
                }
            }
            failure = stage.failure();
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            // A fresh exception so that its stack trace shows the caller of runStage.
            throw new JobFailedException(failure.failureCause(), failure.getMessage(), failure.lastFailure());
        }
    }

    /**
     * Adds an executor and offers it tasks. Returns false, changing nothing, if an executor with
     * this id is live or was lost, or the scheduler is stopped.
     */
    public boolean registerExecutor(ExecutorInfo info, ExecutorHandle handle) {
        Outbox outbox = new Outbox();
        lock.lock();
        try {
            if (stopped || !executors.add(new ExecutorSlot(info, handle, System.nanoTime()))) {
                return false;
            }
            LOG.info("Executor {} registered: host {}, {} cores, container {}", info.executorId(), info.host(),
                    info.cores(), info.containerId());
            for (ExecutorListener listener : listeners) {
                outbox.add(() -> listener.executorRegistered(info));
            }
            schedule(outbox);
        } finally {
            outbox.runAfterUnlock(lock);
        }
        return true;
    }

    /** Whether the id belongs to a live executor or to one that was lost (ids are never reused). */
    public boolean isKnownExecutor(String executorId) {
        return locked(() -> executors.isKnown(executorId));
    }

    public void heartbeat(String executorId) {
        withSlot(executorId, slot -> slot.lastHeartbeatNanos = System.nanoTime());
    }

    /** Applies {@code change} to a live executor's slot, holding the lock; unknown ids are ignored. */
    private void withSlot(String executorId, java.util.function.Consumer<ExecutorSlot> change) {
        locked(() -> {
            ExecutorSlot slot = executors.get(executorId);
            if (slot != null) {
                change.accept(slot);
            }
            return null;
        });
    }

    /** Live executors whose last heartbeat (or registration) is older than {@code timeout}. */
    public List<String> executorsSilentFor(Duration timeout) {
        long now = System.nanoTime();
        return locked(() -> executors.live().stream()
                .filter(slot -> now - slot.lastHeartbeatNanos > timeout.toNanos()).map(ExecutorSlot::id).toList());
    }

    /** An attempt succeeded. Reports about unknown or lost attempts are ignored. */
    public void taskFinished(long taskId, byte[] serializedResult) {
        Outbox outbox = new Outbox();
        lock.lock();
        try {
            RunningAttempt attempt = removeAttempt(taskId);
            if (attempt == null) {
                return;
            }
            attempt.executor.completedTasks++;
            attempt.stage.attemptSucceeded(attempt.partition, serializedResult, System.nanoTime());
            finishIfDone(attempt.stage);
            schedule(outbox);
        } finally {
            outbox.runAfterUnlock(lock);
        }
    }

    /** An attempt threw: the task is retried elsewhere, or its stage fails at the attempt limit. */
    public void taskFailed(long taskId, TaskFailure failure) {
        Outbox outbox = new Outbox();
        lock.lock();
        try {
            RunningAttempt attempt = removeAttempt(taskId);
            if (attempt == null) {
                return;
            }
            attempt.executor.failedTasks++;
            LOG.warn("Task {} of stage '{}' failed on executor {}: {}", attempt.partition, attempt.stage.name,
                    attempt.executor.id(), failure.summary());
            attempt.stage.attemptFailed(attempt.partition, attempt.executor.info, failure, true, System.nanoTime());
            finishIfDone(attempt.stage);
            schedule(outbox);
        } finally {
            outbox.runAfterUnlock(lock);
        }
    }

    private RunningAttempt removeAttempt(long taskId) {
        RunningAttempt attempt = attempts.remove(taskId);
        if (attempt != null) {
            attempt.executor.runningTaskIds.remove(taskId);
        }
        return attempt;
    }

    /** Stops giving new tasks to an executor whose loss is not yet decided; see {@link ExecutorDisconnectHandler}. */
    public void disableExecutor(String executorId) {
        withSlot(executorId, slot -> slot.disabled = true);
    }

    /**
     * An executor is gone: its running attempts are re-queued. Only the first report about an
     * executor has an effect.
     *
     * @param countsAgainstTasks whether the lost attempts count towards the tasks' attempt limit;
     *     false for losses that are not the tasks' fault (preemption, node loss). Lost attempts are
     *     counted in {@link StageSummary#failedAttempts()} either way.
     */
    public void executorLost(String executorId, String reason, boolean countsAgainstTasks) {
        Outbox outbox = new Outbox();
        lock.lock();
        try {
            ExecutorSlot slot = stopped ? null : executors.markLost(executorId);
            if (slot == null) {
                return;
            }
            LOG.warn("Executor {} (host {}) lost with {} running tasks: {}", executorId, slot.host(),
                    slot.runningTaskIds.size(), reason);
            TaskFailure lossFailure = new TaskFailure("ExecutorLost", reason, "");
            for (long taskId : List.copyOf(slot.runningTaskIds)) {
                RunningAttempt attempt = removeAttempt(taskId);
                attempt.stage.attemptFailed(attempt.partition, slot.info, lossFailure, countsAgainstTasks,
                        System.nanoTime());
                finishIfDone(attempt.stage);
            }
            for (ExecutorListener listener : listeners) {
                outbox.add(() -> listener.executorLost(slot.info, reason, countsAgainstTasks));
            }
            schedule(outbox);
        } finally {
            outbox.runAfterUnlock(lock);
        }
    }

    /**
     * Fails the running stages and every later one, for example when too many executors failed.
     * Executors stay registered; call {@link #stop} to release them.
     */
    public void abort(String reason, JobFailedException.Cause cause) {
        lock.lock();
        try {
            if (abortReason != null) {
                return;
            }
            abortReason = reason;
            abortCause = cause;
            LOG.error("Job aborted: {}", reason);
            for (TaskSetManager stage : List.copyOf(activeStages)) {
                stage.fail(new JobFailedException(cause, "Stage '" + stage.name + "' (stage " + stage.stageId
                        + ") aborted: " + reason, null), System.nanoTime());
                finishIfDone(stage);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fails running stages, sends Shutdown to every executor and forgets them. Idempotent. */
    public void stop() {
        List<ExecutorSlot> slots;
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            for (TaskSetManager stage : List.copyOf(activeStages)) {
                stage.fail(new JobFailedException(JobFailedException.Cause.INFRASTRUCTURE,
                        "Stage '" + stage.name + "' (stage " + stage.stageId + ") cancelled: the scheduler was stopped",
                        null), System.nanoTime());
                finishIfDone(stage);
            }
            attempts.clear();
            slots = executors.removeAll();
        } finally {
            lock.unlock();
        }
        for (ExecutorSlot slot : slots) {
            slot.handle.shutdown("application finished");
        }
    }

    /** One scheduling round: offers free cores to active stages, oldest first. */
    private void schedule(Outbox outbox) {
        if (activeStages.isEmpty()) {
            return;
        }
        List<ExecutorSlot> free = executors.withFreeCores();
        for (TaskSetManager stage : activeStages) {
            if (free.isEmpty()) {
                return;
            }
            stage.assign(free, executors.liveIds(), (taskSet, partition, attempt, slot) -> {
                long taskId = nextTaskId++;
                attempts.put(taskId, new RunningAttempt(taskSet, partition, slot));
                slot.runningTaskIds.add(taskId);
                LaunchTask launch = new LaunchTask(taskId, taskSet.stageId, partition, attempt,
                        taskSet.serializedTask(partition));
                outbox.add(() -> slot.handle.launchTask(launch));
                history.taskLaunched();
            });
            free.removeIf(slot -> slot.freeCores() <= 0);
        }
    }

    private void finishIfDone(TaskSetManager stage) {
        if (stage.isDone() && activeStages.remove(stage)) {
            StageSummary summary = stage.summary(System.nanoTime());
            history.stageFinished(summary);
            LOG.info("Stage {} '{}' {}: {} tasks, {} failed attempts, {} ms", stage.stageId, stage.name,
                    summary.succeeded() ? "succeeded" : "failed", summary.tasks(), summary.failedAttempts(),
                    summary.durationMillis());
            stageDone.signalAll();
        } else if (stage.isDone()) {
            stageDone.signalAll();
        }
    }

    /** Summaries of the finished stages (succeeded or failed), in stage order. */
    public List<StageSummary> stageSummaries() {
        return locked(history::summaries);
    }

    /** Succeeded tasks over all tasks of the stages submitted so far; 0 before the first stage. */
    public float progress() {
        return locked(() -> history.progress(activeStages));
    }

    /** When the first task of the application was launched (epoch ms), 0 before that. */
    public long firstTaskLaunchEpochMillis() {
        return locked(history::firstLaunchEpochMillis);
    }

    public int liveExecutorCount() {
        return locked(() -> executors.live().size());
    }

    public SchedulerSnapshot snapshot() {
        return locked(() -> SchedulerSnapshot.of(executors.live(), activeStages.isEmpty() ? null : activeStages.get(0),
                history.summaries(), System.nanoTime()));
    }
}
