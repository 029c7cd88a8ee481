package io.spindle.am.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.am.scheduler.DriverEndpoint;
import io.spindle.am.scheduler.TaskScheduler;
import io.spindle.api.Session;
import io.spindle.runtime.rpc.RpcSecret;
import io.spindle.conf.ConfigException;
import io.spindle.conf.SpindleConf;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.runtime.executor.Executor;
import io.spindle.runtime.executor.ExitReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code local[N]} end to end: Session, scheduler, RPC and in-process executors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalBackendTest {
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static volatile CountDownLatch firstAttemptStarted = new CountDownLatch(1);

    private Session session;

    @AfterEach
    void stopSession() {
        if (session != null) {
            session.stop();
        }
    }

    private Session localSession(int executors) {
        session = Session.builder().master("local[" + executors + "]").appName("local-backend-test").getOrCreate();
        return session;
    }

    @Test
    void thousandTasksReturnTheirResultsInTaskOrder() {
        Session local = localSession(2);
        List<Task<Long>> tasks = IntStream.range(0, 1000)
                .mapToObj(partition -> (Task<Long>) context -> (long) context.partitionId() * partition + 7)
                .toList();
        List<Long> expected = IntStream.range(0, 1000).mapToObj(partition -> (long) partition * partition + 7).toList();

        local.runTasks("warm-up", tasks.subList(0, 10));
        long start = System.nanoTime();
        List<Long> results = local.runTasks("squares", tasks);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(results).containsExactlyElementsOf(expected);
        System.out.println("1000 tiny tasks on local[2]: " + millis + " ms");
        assertThat(local.applicationId()).startsWith("local-");
        assertThat(local.defaultParallelism()).isEqualTo(2);
        assertThat(local.stageSummaries()).extracting(StageSummary::name, StageSummary::tasks,
                StageSummary::succeededTasks, StageSummary::failedAttempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("warm-up", 10, 10, 0),
                        org.assertj.core.groups.Tuple.tuple("squares", 1000, 1000, 0));
    }

    @Test
    void aTaskThatFailsOnlyOnItsFirstAttemptIsRetriedAndTheJobSucceeds() {
        Session local = localSession(2);
        List<Task<String>> tasks = IntStream.range(0, 8).mapToObj(partition -> (Task<String>) context -> {
            if (context.partitionId() == 5 && context.attemptNumber() == 0) {
                throw new IllegalStateException("transient");
            }
            return "p" + context.partitionId() + "a" + context.attemptNumber();
        }).toList();

        assertThat(local.runTasks("flaky", tasks)).containsExactly("p0a0", "p1a0", "p2a0", "p3a0", "p4a0", "p5a1",
                "p6a0", "p7a0");
        StageSummary summary = local.stageSummaries().get(0);
        assertThat(summary.failedAttempts()).isEqualTo(1);
        assertThat(summary.succeeded()).isTrue();
    }

    @Test
    void aTaskThatAlwaysFailsFailsTheJobAfterFourAttempts() {
        Session local = localSession(2);
        List<Task<Integer>> tasks = List.of(context -> 1, context -> {
            throw new IllegalStateException("always broken");
        });

        assertThatThrownBy(() -> local.runTasks("doomed", tasks))
                .isInstanceOf(JobFailedException.class)
                .hasMessageStartingWith("Task 1 of stage 'doomed' (stage 0) failed 4 times; last error on executor ")
                .hasMessageEndingWith(" (host localhost): java.lang.IllegalStateException: always broken")
                .satisfies(error -> assertThat(((JobFailedException) error).lastFailure().stackTrace())
                        .contains("LocalBackendTest"));
        assertThat(local.stageSummaries().get(0).failedAttempts()).isEqualTo(4);
    }

    @Test
    void executorsThatCannotStartFailTheFirstStageWithTheReason() {
        SpindleConf conf = SpindleConf.of(Map.of("spindle.master", "local[2]"));
        TaskScheduler scheduler = new TaskScheduler(conf);
        DriverEndpoint endpoint =
                new DriverEndpoint(conf, scheduler, RpcSecret.generate(), "local-1", LocalBackend.LOOPBACK);
        // The executors are handed another secret than the endpoint's, so their handshakes fail.
        try (LocalBackend backend = new LocalBackend(conf, scheduler, endpoint, RpcSecret.generate(), "local-1", 2)) {
            backend.start();

            assertThatThrownBy(() -> backend.runStage("first", List.<Task<Integer>>of(context -> 1)))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageStartingWith("Cannot start the local backend's executors: Executor 1 could not register"
                            + " with the driver at 127.0.0.1:" + endpoint.port() + ": ")
                    .hasMessageContaining("secret")
                    .hasRootCauseInstanceOf(java.io.IOException.class)
                    .satisfies(error -> assertThat(((JobFailedException) error).failureCause())
                            .isEqualTo(JobFailedException.Cause.INFRASTRUCTURE));
            assertThat(scheduler.liveExecutorCount()).isZero();
            long closeStart = System.nanoTime();
            backend.close();
            // The executors that could not start count as stopped: closing does not wait out its 10 s.
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closeStart)).isLessThan(5);
        }
        awaitCondition(() -> liveSpindleThreads().isEmpty());
        assertThat(liveSpindleThreads()).isEmpty();
    }

    @Test
    void tasksOfAnExecutorWhoseConnectionDropsAreRerunElsewhere() throws Exception {
        firstAttemptStarted = new CountDownLatch(1);
        SpindleConf conf = SpindleConf.of(Map.of("spindle.master", "local[2]"));
        try (LocalBackend backend = (LocalBackend) new LocalBackendFactory().create(conf)) {
            List<Task<Integer>> tasks = IntStream.range(0, 20).mapToObj(partition -> (Task<Integer>) context -> {
                if (context.executorId().equals("1") && context.attemptNumber() == 0) {
                    firstAttemptStarted.countDown();
                    NEVER.await(); // until the executor stops and interrupts it
                }
                return context.partitionId() * 3;
            }).toList();

            CompletableFuture<List<Integer>> stage =
                    CompletableFuture.supplyAsync(() -> backend.runStage("drop", tasks));
            assertThat(firstAttemptStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Executor first = backend.executors().get(0);
            first.dropConnection();

            assertThat(stage.get(30, TimeUnit.SECONDS))
                    .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(partition -> partition * 3).toList());
            assertThat(backend.stageSummaries().get(0).failedAttempts()).isEqualTo(1);
            assertThat(first.exitReason()).contains(ExitReason.DRIVER_LOST);
            assertThat(backend.scheduler().liveExecutorCount()).isEqualTo(1);
        }
    }

    @Test
    void stoppingTheSessionEndsEveryExecutorAndDriverThread() {
        Session local = localSession(3);
        assertThat(local.runTasks("one", List.<Task<Integer>>of(context -> 1))).containsExactly(1);
        assertThat(liveSpindleThreads()).isNotEmpty();

        local.stop();

        awaitCondition(() -> liveSpindleThreads().isEmpty());
        assertThat(liveSpindleThreads()).isEmpty();
        assertThat(Session.active()).isEmpty();
    }

    @Test
    void factoryAcceptsLocalFormsAndExplainsMalformedOnes() {
        LocalBackendFactory factory = new LocalBackendFactory();
        assertThat(List.of("local", "local[1]", "local[16]", "local[*]", "local[0]")).allMatch(factory::accepts);
        assertThat(factory.accepts("yarn")).isFalse();
        assertThat(LocalMaster.executorCount("local")).isEqualTo(1);
        assertThat(LocalMaster.executorCount("local[3]")).isEqualTo(3);
        assertThat(LocalMaster.executorCount("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
        for (String malformed : List.of("local[0]", "local[x]", "local[]", "local[-1]", "locally")) {
            assertThatThrownBy(() -> LocalMaster.executorCount(malformed))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'" + malformed + "'")
                    .hasMessageContaining("local, local[N] with N a whole number of at least 1, or local[*]");
        }
    }

    private static List<String> liveSpindleThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("spindle-executor-") || name.startsWith("spindle-driver-")
                        || name.startsWith("spindle-local-"))
                .toList();
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }
}
