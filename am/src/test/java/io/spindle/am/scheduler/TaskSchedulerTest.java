package io.spindle.am.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import io.spindle.exec.TaskFailure;
import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import io.spindle.runtime.serialization.JavaSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler driven through hand-written fake executors: no sockets, no threads but the stage's. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskSchedulerTest {
    private static final TaskFailure BOOM = new TaskFailure("java.lang.IllegalStateException", "boom", "trace");

    private final TaskScheduler scheduler = new TaskScheduler(SpindleConf.defaults());

    /** A task that returns its value, preferring the given hosts; it is never run in these tests. */
    record ValueTask(int value, List<String> hosts) implements Task<Integer> {
        @Override
        public Integer run(TaskContext context) {
            return value;
        }

        @Override
        public List<String> preferredHosts() {
            return hosts;
        }
    }

    private static List<ValueTask> tasks(int count) {
        return IntStream.range(0, count).mapToObj(value -> new ValueTask(value * 10, List.of())).toList();
    }

    private CompletableFuture<List<Integer>> runAsync(String name, List<ValueTask> tasks) {
        return CompletableFuture.supplyAsync(() -> scheduler.runStage(name, tasks));
    }

    /** Answers a launch as the executor would: with the task's value. */
    private void succeed(LaunchTask launch) {
        ValueTask task = JavaSerializer.deserialize(launch.serializedTask());
        scheduler.taskFinished(launch.taskId(), JavaSerializer.serialize(task.value()));
    }

    private static JobFailedException failure(CompletableFuture<?> stage) {
        try {
            stage.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JobFailedException failed) {
                return failed;
            }
            throw new AssertionError("stage failed with something else", e);
        } catch (Exception e) {
            throw new AssertionError("stage did not fail within 10s", e);
        }
        throw new AssertionError("stage succeeded");
    }

    @Test
    void placesTasksOnExecutorsOfTheirPreferredHosts() throws Exception {
        FakeExecutor onHost1 = new FakeExecutor("1", "host1", 1).registerWith(scheduler);
        FakeExecutor onHost2 = new FakeExecutor("2", "host2", 1).registerWith(scheduler);

        CompletableFuture<List<Integer>> stage = runAsync("local reads", List.of(
                new ValueTask(0, List.of("host2")), new ValueTask(10, List.of("host9", "host1"))));

        LaunchTask first = onHost1.nextLaunch();
        LaunchTask second = onHost2.nextLaunch();
        assertThat(first.partitionId()).isEqualTo(1);
        assertThat(second.partitionId()).isEqualTo(0);
        succeed(second);
        succeed(first);
        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0, 10);
    }

    @Test
    void tasksWaitForTheFirstExecutorAndResultsComeInTaskOrder() throws Exception {
        CompletableFuture<List<Integer>> stage = runAsync("waits", tasks(3));
        assertThat(scheduler.progress()).isZero();

        FakeExecutor executor = new FakeExecutor("1", "host1", 3).registerWith(scheduler);
        List<LaunchTask> launches = List.of(executor.nextLaunch(), executor.nextLaunch(), executor.nextLaunch());
        assertThat(launches).extracting(LaunchTask::partitionId).containsExactly(0, 1, 2);
        succeed(launches.get(2));
        succeed(launches.get(0));
        assertThat(scheduler.progress()).isEqualTo(2f / 3);
        succeed(launches.get(1));

        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0, 10, 20);
        assertThat(scheduler.progress()).isEqualTo(1f);
        assertThat(scheduler.stageSummaries()).singleElement()
                .satisfies(summary -> assertThat(summary).isEqualTo(new StageSummary(0, "waits", 3, 3, 0,
                        summary.durationMillis(), true)));
    }

    @Test
    void retriesAFailedTaskOnAnotherExecutor() throws Exception {
        FakeExecutor first = new FakeExecutor("1", "host1", 1).registerWith(scheduler);
        FakeExecutor second = new FakeExecutor("2", "host2", 1).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("retry", tasks(1));

        LaunchTask attempt0 = first.nextLaunch();
        scheduler.taskFailed(attempt0.taskId(), BOOM);

        LaunchTask attempt1 = second.nextLaunch();
        assertThat(attempt1.partitionId()).isZero();
        assertThat(attempt1.attempt()).isEqualTo(1);
        assertThat(first.drainLaunches()).as("not retried where it failed").isEmpty();
        succeed(attempt1);
        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0);
        assertThat(scheduler.stageSummaries().get(0).failedAttempts()).isEqualTo(1);
    }

    @Test
    void retriesOnTheSameExecutorWhenEveryLiveExecutorFailedTheTask() throws Exception {
        FakeExecutor only = new FakeExecutor("1", "host1", 1).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("single executor", tasks(1));

        scheduler.taskFailed(only.nextLaunch().taskId(), BOOM);
        LaunchTask retry = only.nextLaunch();

        assertThat(retry.attempt()).isEqualTo(1);
        succeed(retry);
        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0);
    }

    @Test
    void failsTheStageAfterMaxAttemptsNamingStagePartitionAttemptsAndError() throws Exception {
        FakeExecutor executor = new FakeExecutor("2", "h", 4).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("count words", tasks(4));
        for (int i = 0; i < 4; i++) {
            LaunchTask launch = executor.nextLaunch();
            if (launch.partitionId() != 3) {
                succeed(launch);
            } else {
                scheduler.taskFailed(launch.taskId(), BOOM);
            }
        }
        for (int attempt = 1; attempt < 4; attempt++) {
            LaunchTask retry = executor.nextLaunch();
            assertThat(retry.partitionId()).isEqualTo(3);
            assertThat(retry.attempt()).isEqualTo(attempt);
            scheduler.taskFailed(retry.taskId(), BOOM);
        }

        JobFailedException failure = failure(stage);
        assertThat(failure).hasMessage("Task 3 of stage 'count words' (stage 0) failed 4 times; last error on "
                + "executor 2 (host h): java.lang.IllegalStateException: boom");
        assertThat(failure.failureCause()).isEqualTo(JobFailedException.Cause.TASK_FAILED);
        assertThat(failure.lastFailure()).isEqualTo(BOOM);
        StageSummary summary = scheduler.stageSummaries().get(0);
        assertThat(summary.succeeded()).isFalse();
        assertThat(summary.succeededTasks()).isEqualTo(3);
        assertThat(summary.failedAttempts()).isEqualTo(4);
    }

    @Test
    void lostExecutorsTasksAreRequeuedAndCountWhenTheLossCounts() throws Exception {
        TaskScheduler twoAttempts = new TaskScheduler(SpindleConf.of(Map.of("spindle.task.maxAttempts", "2")));
        FakeExecutor first = new FakeExecutor("a", "ha", 1).registerWith(twoAttempts);
        FakeExecutor second = new FakeExecutor("b", "hb", 1).registerWith(twoAttempts);
        CompletableFuture<List<Integer>> stage =
                CompletableFuture.supplyAsync(() -> twoAttempts.runStage("lossy", tasks(1)));

        assertThat(first.nextLaunch().attempt()).isZero();
        twoAttempts.executorLost("a", "container killed: exit 137", true);
        assertThat(second.nextLaunch().attempt()).isEqualTo(1);
        twoAttempts.executorLost("b", "container killed: exit 137", true);

        JobFailedException failure = failure(stage);
        assertThat(failure).hasMessage("Task 0 of stage 'lossy' (stage 0) failed 2 times; last error on executor b "
                + "(host hb): ExecutorLost: container killed: exit 137");
        assertThat(twoAttempts.stageSummaries().get(0).failedAttempts()).isEqualTo(2);
    }

    @Test
    void lossesThatDoNotCountNeverFailTheStageButAppearInTheSummary() throws Exception {
        TaskScheduler twoAttempts = new TaskScheduler(SpindleConf.of(Map.of("spindle.task.maxAttempts", "2")));
        List<String> lost = new CopyOnWriteArrayList<>();
        twoAttempts.addListener(new ExecutorListener() {
            @Override
            public void executorLost(ExecutorInfo executor, String reason, boolean countsAgainstTasks) {
                lost.add(executor.executorId() + ":" + countsAgainstTasks);
            }
        });
        List<FakeExecutor> executors = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            executors.add(new FakeExecutor(id, "h" + id, 1).registerWith(twoAttempts));
        }
        CompletableFuture<List<Integer>> stage =
                CompletableFuture.supplyAsync(() -> twoAttempts.runStage("preempted", tasks(1)));

        for (int i = 0; i < 3; i++) {
            LaunchTask launch = executors.get(i).nextLaunch();
            assertThat(launch.attempt()).isEqualTo(i);
            twoAttempts.executorLost(executors.get(i).id(), "preempted", false);
            twoAttempts.executorLost(executors.get(i).id(), "preempted, reported again", true);
        }
        LaunchTask last = executors.get(3).nextLaunch();
        twoAttempts.taskFinished(last.taskId(), JavaSerializer.serialize(0));

        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0);
        assertThat(twoAttempts.stageSummaries().get(0).failedAttempts()).isEqualTo(3);
        assertThat(lost).containsExactly("a:false", "b:false", "c:false");
        assertThat(twoAttempts.isKnownExecutor("a")).isTrue();
        assertThat(twoAttempts.registerExecutor(executors.get(0).info, executors.get(0)))
                .as("a lost id is never reused").isFalse();
    }

    @Test
    void lateResultsFromALostExecutorAreIgnored() throws Exception {
        FakeExecutor first = new FakeExecutor("1", "h1", 1).registerWith(scheduler);
        FakeExecutor second = new FakeExecutor("2", "h2", 1).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("late", tasks(1));
        LaunchTask lostAttempt = first.nextLaunch();
        scheduler.executorLost("1", "heartbeat timeout", true);
        LaunchTask retry = second.nextLaunch();

        scheduler.taskFinished(lostAttempt.taskId(), JavaSerializer.serialize(-1));
        succeed(retry);

        assertThat(stage.get(10, TimeUnit.SECONDS)).containsExactly(0);
    }

    @Test
    void abortFailsTheRunningStageAndLaterOnes() throws Exception {
        FakeExecutor executor = new FakeExecutor("1", "h1", 1).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("doomed", tasks(2));
        executor.nextLaunch();

        scheduler.abort("6 executors failed (spindle.executor.maxFailures=6)", JobFailedException.Cause.INFRASTRUCTURE);

        JobFailedException failure = failure(stage);
        assertThat(failure).hasMessage("Stage 'doomed' (stage 0) aborted: 6 executors failed "
                + "(spindle.executor.maxFailures=6)");
        assertThat(failure.failureCause()).isEqualTo(JobFailedException.Cause.INFRASTRUCTURE);
        assertThat(failure.lastFailure()).isNull();
        assertThatThrownBy(() -> scheduler.runStage("later", tasks(1)))
                .isInstanceOf(JobFailedException.class)
                .hasMessage("Cannot run stage 'later': the job was aborted: 6 executors failed "
                        + "(spindle.executor.maxFailures=6)");
    }

    @Test
    void aTaskThatCannotBeSerializedFailsTheStageAtOnce() {
        Object notSerializable = new Object();
        List<Task<String>> tasks = List.of(context -> "fine", context -> notSerializable.toString());

        assertThatThrownBy(() -> scheduler.runStage("capture", tasks))
                .isInstanceOf(JobFailedException.class)
                .hasMessageStartingWith("Task 1 of stage 'capture' (stage 0) cannot be sent to executors:")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void snapshotShowsExecutorsAndTheCurrentStage() throws Exception {
        FakeExecutor executor = new FakeExecutor("1", "h1", 2).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("watched", tasks(3));
        LaunchTask first = executor.nextLaunch();
        LaunchTask second = executor.nextLaunch();
        succeed(first);
        LaunchTask third = executor.nextLaunch();
        scheduler.taskFailed(second.taskId(), BOOM);

        SchedulerSnapshot snapshot = scheduler.snapshot();
        assertThat(snapshot.currentStage()).isEqualTo(new SchedulerSnapshot.StageStatus(0, "watched", 3, 2, 1));
        assertThat(snapshot.executors()).singleElement().satisfies(status -> {
            assertThat(status.executorId()).isEqualTo("1");
            assertThat(status.runningTasks()).isEqualTo(2);
            assertThat(status.completedTasks()).isEqualTo(1);
            assertThat(status.failedTasks()).isEqualTo(1);
            assertThat(status.lastHeartbeatAgeMillis()).isBetween(0L, 10_000L);
        });
        succeed(third);
        succeed(executor.nextLaunch());
        stage.get(10, TimeUnit.SECONDS);
        assertThat(scheduler.snapshot().currentStage()).isNull();
        assertThat(scheduler.snapshot().finishedStages()).hasSize(1);
    }

    @Test
    void stopFailsTheRunningStageAndShutsEveryExecutorDown() throws Exception {
        List<String> registered = new CopyOnWriteArrayList<>();
        scheduler.addListener(new ExecutorListener() {
            @Override
            public void executorRegistered(ExecutorInfo executor) {
                registered.add(executor.executorId());
            }
        });
        FakeExecutor first = new FakeExecutor("1", "h1", 1).registerWith(scheduler);
        FakeExecutor second = new FakeExecutor("2", "h2", 1).registerWith(scheduler);
        CompletableFuture<List<Integer>> stage = runAsync("interrupted", tasks(5));
        first.nextLaunch();

        scheduler.stop();

        assertThat(failure(stage)).hasMessage("Stage 'interrupted' (stage 0) cancelled: the scheduler was stopped");
        assertThat(first.shutdownReasons).containsExactly("application finished");
        assertThat(second.shutdownReasons).containsExactly("application finished");
        assertThat(registered).containsExactly("1", "2");
        assertThat(scheduler.liveExecutorCount()).isZero();
    }
}
