package io.spindle.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.Task;
import io.spindle.runtime.rpc.RpcConnection;
import io.spindle.runtime.rpc.RpcMessage;
import io.spindle.runtime.rpc.RpcSecret;
import io.spindle.runtime.serialization.JavaSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives a real {@link Executor} from a hand-written fake driver speaking the RPC protocol. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExecutorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    private final byte[] secret = RpcSecret.generate();
    private final SpindleConf conf = SpindleConf.of(Map.of(
            "spindle.executor.heartbeatInterval", "20ms",
            "spindle.app.name", "executor-test",
            "spindle.hadoop.spindle.test.marker", "from-driver"));
    private ServerSocket server;
    private Executor executor;
    private RpcConnection driver;

    @BeforeEach
    void startExecutor() throws Exception {
        release = new CountDownLatch(1);
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        CompletableFuture<RpcConnection> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                RpcConnection connection = RpcConnection.accept(server.accept(), secret, TIMEOUT);
                RpcMessage.RegisterExecutor register = (RpcMessage.RegisterExecutor) connection.receive();
                assertThat(register.executorId()).isEqualTo("x1");
                assertThat(register.cores()).isEqualTo(2);
                connection.send(new RpcMessage.Registered(conf, "app-test"));
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        executor = new Executor("127.0.0.1", server.getLocalPort(), secret, "x1", 2, "container_7", "host-x");
        executor.start();
        driver = accepted.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        executor.close();
        driver.close();
        server.close();
    }

    private void launch(long taskId, int partition, int attempt, Task<?> task) throws IOException {
        driver.send(new RpcMessage.LaunchTask(taskId, 3, partition, attempt, JavaSerializer.serialize(task)));
    }

    /** The next message that is not a heartbeat. */
    private RpcMessage nextReply() throws IOException {
        while (true) {
            RpcMessage message = driver.receive();
            if (!(message instanceof RpcMessage.Heartbeat)) {
                return message;
            }
        }
    }

    @Test
    void runsTasksWithTheirContextAndSurvivesFailures() throws Exception {
        launch(1, 4, 2, context -> context.applicationId() + "/" + context.stageId() + "/" + context.partitionId()
                + "/" + context.attemptNumber() + "/" + context.executorId() + "/" + context.host() + "/"
                + context.conf().get(io.spindle.conf.SpindleKeys.APP_NAME) + "/"
                + context.hadoopConf().get("spindle.test.marker"));
        RpcMessage.TaskFinished finished = (RpcMessage.TaskFinished) nextReply();
        assertThat(finished.taskId()).isEqualTo(1);
        assertThat((String) JavaSerializer.deserialize(finished.serializedResult()))
                .isEqualTo("app-test/3/4/2/x1/host-x/executor-test/from-driver");

        launch(2, 0, 0, context -> {
            throw new IllegalStateException("boom");
        });
        RpcMessage.TaskFailed failed = (RpcMessage.TaskFailed) nextReply();
        assertThat(failed.taskId()).isEqualTo(2);
        assertThat(failed.failure().summary()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(failed.failure().stackTrace()).contains("ExecutorTest");

        launch(3, 1, 0, context -> {
            throw new StackOverflowError("deep");
        });
        assertThat(((RpcMessage.TaskFailed) nextReply()).failure().exceptionClass())
                .isEqualTo("java.lang.StackOverflowError");

        launch(4, 2, 0, context -> 42);
        RpcMessage.TaskFinished after = (RpcMessage.TaskFinished) nextReply();
        assertThat((Integer) JavaSerializer.deserialize(after.serializedResult())).isEqualTo(42);
        assertThat(executor.exitReason()).isEmpty();
    }

    @Test
    void resultThatCannotBeSerializedIsATaskFailure() throws Exception {
        launch(1, 0, 0, context -> new NotSerializableResult());
        RpcMessage.TaskFailed failed = (RpcMessage.TaskFailed) nextReply();
        assertThat(failed.failure().summary()).contains("NotSerializableException").contains("NotSerializableResult");
    }

    @Test
    void heartbeatsNameTheRunningTasks() throws Exception {
        launch(17, 0, 0, context -> {
            release.await();
            return "done";
        });
        boolean seen = false;
        while (!seen) {
            RpcMessage message = driver.receive();
            seen = message instanceof RpcMessage.Heartbeat heartbeat && heartbeat.executorId().equals("x1")
                    && heartbeat.runningTaskIds().length == 1 && heartbeat.runningTaskIds()[0] == 17;
        }
        release.countDown();
        assertThat(((RpcMessage.TaskFinished) nextReply()).taskId()).isEqualTo(17);
    }

    @Test
    void shutdownInterruptsRunningTasksAndEndsEveryThread() throws Exception {
        launch(1, 0, 0, context -> {
            new CountDownLatch(1).await();
            return "never";
        });
        awaitCondition(() -> executor.runningTaskCount() == 1);
        driver.send(new RpcMessage.Shutdown("test over"));

        assertThat(executor.awaitTermination(TIMEOUT)).isTrue();
        assertThat(executor.exitReason()).contains(ExitReason.SHUTDOWN);
        assertThat(liveThreadsNamed("spindle-executor-x1-")).isZero();
    }

    @Test
    void losingTheDriverStopsTheExecutor() throws Exception {
        driver.close();

        assertThat(executor.awaitTermination(TIMEOUT)).isTrue();
        assertThat(executor.exitReason()).contains(ExitReason.DRIVER_LOST);
        assertThat(liveThreadsNamed("spindle-executor-x1-")).isZero();
    }

    static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .count();
    }

    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + TIMEOUT).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    static final class NotSerializableResult implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object field = new Object();
    }
}
