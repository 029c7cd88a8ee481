package io.spindle.am.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.Task;
import io.spindle.runtime.executor.Executor;
import io.spindle.runtime.executor.ExitReason;
import io.spindle.runtime.rpc.RpcAuthenticationException;
import io.spindle.runtime.rpc.RpcSecret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The RPC endpoint with real executors over loopback sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DriverEndpointTest {
    private final byte[] secret = RpcSecret.generate();
    private TaskScheduler scheduler;
    private DriverEndpoint endpoint;
    private final List<String> lost = new CopyOnWriteArrayList<>();

    private void startEndpoint(SpindleConf conf) throws IOException {
        scheduler = new TaskScheduler(conf);
        scheduler.addListener(new ExecutorListener() {
            @Override
            public void executorLost(ExecutorInfo executor, String reason, boolean countsAgainstTasks) {
                lost.add(executor.executorId() + ": " + reason);
            }
        });
        endpoint = new DriverEndpoint(conf, scheduler, secret, "app-endpoint-test", "127.0.0.1");
        endpoint.start();
    }

    @AfterEach
    void stop() {
        scheduler.stop();
        endpoint.close();
    }

    private Executor executor(String id, byte[] executorSecret) {
        return new Executor(endpoint.host(), endpoint.port(), executorSecret, id, 1, null, "localhost");
    }

    @Test
    void runsAStageOnARegisteredExecutor() throws Exception {
        startEndpoint(SpindleConf.defaults());
        try (Executor executor = executor("e1", secret)) {
            executor.start();
            List<Task<String>> tasks = List.of(context -> "p" + context.partitionId() + "@" + context.executorId(),
                    context -> context.applicationId());

            assertThat(scheduler.runStage("over rpc", tasks)).containsExactly("p0@e1", "app-endpoint-test");
        }
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isPositive();
    }

    @Test
    void executorWithTheWrongSecretIsNeverRegistered() throws Exception {
        startEndpoint(SpindleConf.defaults());
        Executor intruder = executor("intruder", RpcSecret.generate());

        assertThatThrownBy(intruder::start).isInstanceOf(RpcAuthenticationException.class);
        assertThat(scheduler.isKnownExecutor("intruder")).isFalse();
    }

    @Test
    void secondExecutorWithTheSameIdIsRefused() throws Exception {
        startEndpoint(SpindleConf.defaults());
        try (Executor first = executor("same", secret); Executor second = executor("same", secret)) {
            first.start();

            assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused executor same: executor id same is already registered");
            assertThat(scheduler.liveExecutorCount()).isEqualTo(1);
        }
    }

    @Test
    void executorWithoutHeartbeatsIsDeclaredLostAndDisconnected() throws Exception {
        startEndpoint(SpindleConf.of(Map.of(
                "spindle.executor.heartbeatInterval", "1h",
                "spindle.executor.heartbeatTimeout", "200ms")));
        try (Executor silent = executor("silent", secret)) {
            silent.start();

            awaitCondition(() -> !lost.isEmpty());
            assertThat(lost).singleElement().asString()
                    .startsWith("silent: no heartbeat for more than 200 ms (spindle.executor.heartbeatTimeout)");
            assertThat(silent.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(silent.exitReason()).contains(ExitReason.DRIVER_LOST);
        }
    }

    static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10s").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
