package io.spindle.am.local;

import io.spindle.am.scheduler.DriverEndpoint;
import io.spindle.am.scheduler.TaskScheduler;
import io.spindle.runtime.rpc.RpcSecret;
import io.spindle.conf.SpindleConf;
import io.spindle.exec.Concurrently;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.runtime.executor.Executor;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** Completed once every executor registered, or with the first executor's start failure. */
    private final CompletableFuture<Void> executorsStarted = new CompletableFuture<>();

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
     * Starts the endpoint, then the executors on a thread of their own, and returns without waiting
     * for them: they connect and register (each on a thread of its own, as YARN containers would,
     * so their handshakes overlap) while the caller goes on to plan its first query, which reads
     * file footers and schemas meanwhile. The first stage waits for them ({@link #awaitExecutors}),
     * and fails with the reason if one could not start.
     */
    void start() {
        try {
            endpoint.start();
            for (int index = 1; index <= executorCount; index++) {
                executors.add(new Executor(endpoint.host(), endpoint.port(), secret, Integer.toString(index), 1,
                        null, "localhost"));
            }
            Thread starter = new Thread(this::startExecutors, "spindle-local-executor-start");
            starter.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            starter.setDaemon(true);
            starter.start();
        } catch (IOException e) {
            executorsStarted.complete(null); // none was started
            close();
            throw new UncheckedIOException("Cannot start the local backend: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            executorsStarted.complete(null);
            close();
            throw e;
        }
    }

    /** The starter thread: every executor at once; completes {@link #executorsStarted} either way. */
    private void startExecutors() {
        try {
            startAll(executors, endpoint.host() + ":" + endpoint.port());
            LOG.info("Local backend {} started with {} executors; driver endpoint on port {}", applicationId,
                    executorCount, endpoint.port());
            executorsStarted.complete(null);
        } catch (IOException | RuntimeException | Error e) {
            // Logged here too, for a job that never runs a stage (the first stage reports it).
            LOG.warn("The local executors could not start: {}", e.toString());
            executorsStarted.completeExceptionally(e);
        }
    }

    /**
     * Waits until every executor has registered; throws why one could not (the backend is then
     * unusable, and {@link #close} still releases what did start).
     */
    private void awaitExecutors() {
        try {
            executorsStarted.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            JobFailedException failure = new JobFailedException(JobFailedException.Cause.INFRASTRUCTURE,
                    "Cannot start the local backend's executors: "
                            + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), null);
            failure.initCause(cause);
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException(JobFailedException.Cause.INFRASTRUCTURE,
                    "Interrupted while waiting for the local executors to register", null);
        }
    }

    /**
     * Starts every executor, the first on this thread; the first failure (by executor order) is
     * thrown, naming the executor and the driver. An executor that failed is marked stopped, so
     * that {@link #close} does not wait for it.
     */
    private static void startAll(List<Executor> executors, String driver) throws IOException {
        List<Concurrently.Step<Void>> starts = new ArrayList<>(executors.size());
        for (Executor executor : executors) {
            starts.add(() -> {
                try {
                    executor.start();
                } catch (IOException | RuntimeException | Error e) {
                    executor.stop("could not register with the driver");
                    if (e instanceof IOException) {
                        throw new IOException("Executor " + executor.executorId()
                                + " could not register with the driver at " + driver + ": " + e, e);
                    }
                    throw e;
                }
                return null;
            });
        }
        Concurrently.runAll(starts);
    }

    @Override
    public <R extends Serializable> List<R> runStage(String stageName, List<? extends Task<R>> tasks) {
        awaitExecutors();
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

    /** Waits until the executors' start ended, either way, or the deadline passed; keeps an interrupt for after. */
    private void awaitStartEnded(long deadline) {
        boolean interrupted = false;
        while (!executorsStarted.isDone()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                LOG.warn("The local executors did not finish starting within {} s", SHUTDOWN_TIMEOUT.toSeconds());
                break;
            }
            try {
                executorsStarted.get(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                // Reported where the start failed; what did start stops below.
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends Shutdown to the executors and waits (bounded) for their threads and the endpoint's. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        // Executors still starting finish first (bounded), so that none registers after the stop
        // below; one still connecting after that fails once the endpoint closes at the end.
        awaitStartEnded(deadline);
        scheduler.stop();
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
