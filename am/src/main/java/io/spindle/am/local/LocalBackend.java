package io.spindle.am.local;

import io.spindle.am.scheduler.DriverEndpoint;
import io.spindle.am.scheduler.TaskScheduler;
import io.spindle.runtime.rpc.RpcSecret;
import io.spindle.conf.SpindleConf;
import io.spindle.exec.Concurrently;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.runtime.executor.Executor;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local[N]}: a driver endpoint on 127.0.0.1 and N one-core {@link Executor}s in this JVM,
 * with ids "1" to "N". Executors reach the driver through the same authenticated RPC and Java
 * serialization as YARN containers do, so a job that works here does not rely on sharing a JVM
 * with its tasks.
 */
public final class LocalBackend implements ExecutionBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBackend.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final SpindleConf conf;
    private final TaskScheduler scheduler;
    private final DriverEndpoint endpoint;
    private final byte[] secret;
    private final String applicationId;
    private final int executorCount;
    private final List<Executor> executors = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    static final String LOOPBACK = "127.0.0.1";

    /**
     * A started backend for a local master: one {@link TaskScheduler}, a {@link DriverEndpoint} on
     * the loopback interface, a fresh secret and application id, and {@code executorCount}
     * executors.
     *
     * <p>Built directly rather than through Guice, which the YARN backend uses: for these five
     * objects Guice's reflection over the module's provider methods took about 0.15 s of CPU on the
     * thread that starts every local job, the largest single step between parsing the command and
     * the first query.
     */
    public static LocalBackend start(SpindleConf conf, int executorCount) {
        TaskScheduler scheduler = new TaskScheduler(conf);
        byte[] secret = RpcSecret.generate();
        String applicationId = "local-" + System.currentTimeMillis();
        DriverEndpoint endpoint = new DriverEndpoint(conf, scheduler, secret, applicationId, LOOPBACK);
        LocalBackend backend = new LocalBackend(conf, scheduler, endpoint, secret, applicationId, executorCount);
        backend.start();
        return backend;
    }

    LocalBackend(SpindleConf conf, TaskScheduler scheduler, DriverEndpoint endpoint, byte[] secret,
            String applicationId, int executorCount) {
        this.conf = conf;
        this.scheduler = scheduler;
        this.endpoint = endpoint;
        this.secret = secret.clone();
        this.applicationId = applicationId;
        this.executorCount = executorCount;
    }

    /**
     * Starts the endpoint and the executors; returns once every executor has registered. The
     * executors connect and register at the same time, each on a thread of its own (executor 1 on
     * the caller's), as YARN containers would: their handshakes and Hadoop configurations overlap
     * instead of queuing.
     */
    private void start() {
        try {
            endpoint.start();
            for (int index = 1; index <= executorCount; index++) {
                executors.add(new Executor(endpoint.host(), endpoint.port(), secret, Integer.toString(index), 1,
                        null, "localhost"));
            }
            startAll(executors);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot start the local backend: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Local backend {} started with {} executors; driver endpoint on port {}", applicationId,
                executorCount, endpoint.port());
    }

    /** Starts every executor, the first on this thread; the first failure (by executor order) is thrown. */
    private static void startAll(List<Executor> executors) throws IOException {
        List<Concurrently.Step<Void>> starts = new ArrayList<>(executors.size());
        for (Executor executor : executors) {
            starts.add(() -> {
                executor.start();
                return null;
            });
        }
        Concurrently.runAll(starts);
    }

    @Override
    public <R extends Serializable> List<R> runStage(String stageName, List<? extends Task<R>> tasks) {
        return scheduler.runStage(stageName, tasks);
    }

    @Override
    public int defaultParallelism() {
        return executorCount;
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public List<StageSummary> stageSummaries() {
        return scheduler.stageSummaries();
    }

    TaskScheduler scheduler() {
        return scheduler;
    }

    List<Executor> executors() {
        return List.copyOf(executors);
    }

    SpindleConf conf() {
        return conf;
    }

    /** Sends Shutdown to the executors and waits (bounded) for their threads and the endpoint's. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.stop();
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        for (Executor executor : executors) {
            try {
                long remaining = Math.max(1, deadline - System.nanoTime());
                if (!executor.awaitTermination(Duration.ofNanos(remaining))) {
                    executor.stop("local backend closing");
                    LOG.warn("Executor {} did not stop within {} s; a task ignores interrupts", executor.executorId(),
                            TimeUnit.NANOSECONDS.toSeconds(SHUTDOWN_TIMEOUT.toNanos()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.stop("interrupted while closing");
            }
        }
        endpoint.close();
    }
}
