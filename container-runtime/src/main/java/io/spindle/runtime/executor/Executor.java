package io.spindle.runtime.executor;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.runtime.rpc.RpcConnection;
import io.spindle.runtime.rpc.RpcMessage;
import io.spindle.runtime.rpc.RpcMessage.Heartbeat;
import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import io.spindle.runtime.rpc.RpcMessage.Registered;
import io.spindle.runtime.rpc.RpcMessage.Shutdown;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks for one driver: connects, authenticates, registers, then runs every LaunchTask on a
 * pool of {@code cores} threads and replies TaskFinished or TaskFailed, heartbeating meanwhile.
 *
 * <p>The same class runs inside a YARN container ({@link ExecutorMain}) and in the driver's JVM
 * for {@code local[N]}; either way it talks to the driver only through the RPC connection.
 *
 * <p>It stops when the driver sends Shutdown ({@link ExitReason#SHUTDOWN}), when the connection
 * breaks ({@link ExitReason#DRIVER_LOST}) or on {@link #stop} ({@link ExitReason#STOPPED}); running
 * tasks are then interrupted and their outcomes dropped. Threads are named
 * {@code spindle-executor-<id>-*}.
 */
public final class Executor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final String driverHost;
    private final int driverPort;
    private final byte[] secret;
    private final String executorId;
    private final int cores;
    private final String containerId;
    private final String advertisedHost;
    private final ClassLoader applicationLoader;

    /** Tasks received and not yet finished, queued or running. */
    private final ConcurrentHashMap<Long, LaunchTask> runningTasks = new ConcurrentHashMap<>();
    private final AtomicReference<ExitReason> exitReason = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile RpcConnection connection;
    private volatile ThreadPoolExecutor taskPool;
    private volatile ScheduledExecutorService heartbeats;
    private volatile Thread reader;
    private volatile SpindleConf conf;
    private volatile String applicationId;
    private volatile Configuration hadoopConf;
    /** The class loader a configuration made in the constructor would have had; it is made at the first task. */
    private volatile ClassLoader hadoopConfLoader;

    /** An executor that advertises this machine's host name for locality. */
    public Executor(String driverHost, int driverPort, byte[] secret, String executorId, int cores,
            String containerId) {
        this(driverHost, driverPort, secret, executorId, cores, containerId, LocalHost.NAME);
    }

    /**
     * @param containerId the YARN container id, or null in-process
     * @param advertisedHost the host name the driver matches against tasks' preferred hosts
     */
    public Executor(String driverHost, int driverPort, byte[] secret, String executorId, int cores,
            String containerId, String advertisedHost) {
        if (cores < 1) {
            throw new IllegalArgumentException("An executor needs at least 1 core, got " + cores);
        }
        this.driverHost = Objects.requireNonNull(driverHost, "driverHost");
        this.driverPort = driverPort;
        this.secret = secret.clone();
        this.executorId = Objects.requireNonNull(executorId, "executorId");
        this.cores = cores;
        this.containerId = containerId;
        this.advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost");
        this.applicationLoader = Thread.currentThread().getContextClassLoader();
    }

    /**
     * Connects, authenticates and registers; returns once the driver has answered Registered and
     * the executor accepts tasks.
     *
     * @throws IOException when the driver is unreachable, rejects the secret or refuses registration
     */
    public void start() throws IOException {
        RpcConnection rpc = RpcConnection.connect(driverHost, driverPort, secret, CONNECT_TIMEOUT);
        try {
            rpc.send(new RpcMessage.RegisterExecutor(executorId, advertisedHost, cores, containerId,
                    ProcessHandle.current().pid()));
            rpc.setReadTimeout(CONNECT_TIMEOUT);
            RpcMessage reply = rpc.receive();
            rpc.setReadTimeout(Duration.ZERO);
            if (reply instanceof Shutdown shutdown) {
                throw new IOException("Driver at " + driverHost + ":" + driverPort + " refused executor "
                        + executorId + ": " + shutdown.reason());
            }
            if (!(reply instanceof Registered registered)) {
                throw new IOException("Driver answered registration with " + reply + " instead of Registered");
            }
            this.conf = registered.conf();
            this.applicationId = registered.applicationId();
        } catch (IOException | RuntimeException e) {
            rpc.close();
            throw e;
        }
        this.hadoopConfLoader = Thread.currentThread().getContextClassLoader();
        this.connection = rpc;
        this.taskPool = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads("task", true));
        ScheduledThreadPoolExecutor heartbeatPool = new ScheduledThreadPoolExecutor(1, threads("heartbeat", false));
        long interval = conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_INTERVAL).toMillis();
        heartbeatPool.scheduleWithFixedDelay(this::sendHeartbeat, interval, interval, TimeUnit.MILLISECONDS);
        this.heartbeats = heartbeatPool;
        Thread readerThread = threads("reader", false).newThread(this::readLoop);
        this.reader = readerThread;
        readerThread.start();
        LOG.info("Executor {} registered with driver {}:{} for {} ({} cores)", executorId, driverHost, driverPort,
                applicationId, cores);
    }

    /** Made when the first task needs it, not while the executor starts (many never read a file). */
    private Configuration hadoopConf() {
        Configuration hadoop = hadoopConf;
        if (hadoop == null) {
            synchronized (this) {
                hadoop = hadoopConf;
                if (hadoop == null) {
                    hadoop = io.spindle.formats.fs.HadoopConfigurations.forJob(conf.hadoopOverrides());
                    if (hadoopConfLoader != null) {
                        hadoop.setClassLoader(hadoopConfLoader);
                    }
                    hadoopConf = hadoop;
                }
            }
        }
        return hadoop;
    }

    private void readLoop() {
        try {
            while (exitReason.get() == null) {
                RpcMessage message = connection.receive();
                if (message instanceof LaunchTask launch) {
                    launch(launch);
                } else if (message instanceof Shutdown shutdown) {
                    terminate(ExitReason.SHUTDOWN, "driver asked to shut down: " + shutdown.reason());
                } else {
                    LOG.warn("Executor {} ignores unexpected message {}", executorId, message);
                }
            }
        } catch (IOException | RuntimeException e) {
            terminate(ExitReason.DRIVER_LOST, "lost the connection to the driver: " + e);
        }
    }

    private void launch(LaunchTask launch) {
        runningTasks.put(launch.taskId(), launch);
        try {
            taskPool.execute(new TaskRunner(launch, new RunnerHost()));
        } catch (RejectedExecutionException e) {
            runningTasks.remove(launch.taskId());
            LOG.debug("Executor {} is stopping; dropped {}", executorId, launch);
        }
    }

    private void sendHeartbeat() {
        long[] running = runningTasks.keySet().stream().mapToLong(Long::longValue).toArray();
        try {
            connection.send(new Heartbeat(executorId, running));
        } catch (IOException e) {
            terminate(ExitReason.DRIVER_LOST, "could not send a heartbeat: " + e);
        }
    }

    /** Stops this executor from this side: running tasks are interrupted. Idempotent. */
    public void stop(String reason) {
        terminate(ExitReason.STOPPED, reason);
    }

    /**
     * Breaks the connection to the driver as a network failure would, without saying goodbye.
     * For fault-injection tests; the executor then stops with {@link ExitReason#DRIVER_LOST}.
     */
    public void dropConnection() {
        RpcConnection rpc = connection;
        if (rpc != null) {
            rpc.close();
        }
    }

    private void terminate(ExitReason reason, String detail) {
        if (!exitReason.compareAndSet(null, reason)) {
            return;
        }
        if (reason == ExitReason.DRIVER_LOST) {
            LOG.warn("Executor {} stopping: {}", executorId, detail);
        } else {
            LOG.info("Executor {} stopping: {}", executorId, detail);
        }
        shutdownNow(heartbeats);
        shutdownNow(taskPool);
        RpcConnection rpc = connection;
        if (rpc != null) {
            rpc.close();
        }
        stopped.countDown();
    }

    private static void shutdownNow(ExecutorService pool) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until the executor has stopped and its threads have ended.
     *
     * @return false if that did not happen within the timeout (a task ignoring interrupts)
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (ExecutorService pool : new ExecutorService[] {heartbeats, taskPool}) {
            if (pool != null && !pool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        for (Thread thread : poolThreads) {
            if (thread != Thread.currentThread()) {
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, remaining(deadline)));
                if (thread.isAlive()) {
                    return false;
                }
            }
        }
        Thread readerThread = reader;
        if (readerThread != null && readerThread != Thread.currentThread()) {
            TimeUnit.NANOSECONDS.timedJoin(readerThread, Math.max(1, remaining(deadline)));
            return !readerThread.isAlive();
        }
        return true;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Why this executor stopped; empty while it runs. */
    public Optional<ExitReason> exitReason() {
        return Optional.ofNullable(exitReason.get());
    }

    public String executorId() {
        return executorId;
    }

    public int cores() {
        return cores;
    }

    public int runningTaskCount() {
        return runningTasks.size();
    }

    /** Stops (if still running) and waits up to 10 seconds for the threads to end. */
    @Override
    public void close() {
        stop("closed");
        try {
            if (!awaitTermination(Duration.ofSeconds(10))) {
                LOG.warn("Executor {} still has running threads after 10s; a task ignores interrupts", executorId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every pool thread ever started: a pool reports TERMINATED a moment before its last thread ends. */
    private final java.util.Queue<Thread> poolThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private ThreadFactory threads(String role, boolean numbered) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            String name = "spindle-executor-" + executorId + "-" + role;
            Thread thread = new Thread(runnable, numbered ? name + "-" + counter.incrementAndGet() : name);
            thread.setDaemon(true);
            poolThreads.add(thread);
            thread.setContextClassLoader(applicationLoader);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "Executor[" + executorId + " -> " + driverHost + ":" + driverPort + "]";
    }

    /** What task runners see of this executor. */
    private final class RunnerHost implements TaskRunner.Host {
        @Override
        public ExecutorTaskContext contextFor(LaunchTask launch) {
            return new ExecutorTaskContext(applicationId, launch.stageId(), launch.partitionId(), launch.attempt(),
                    executorId, advertisedHost, conf, hadoopConf());
        }

        @Override
        public boolean reply(RpcMessage message) throws IOException {
            if (exitReason.get() != null) {
                return false;
            }
            connection.send(message);
            return true;
        }

        @Override
        public void finished(long taskId) {
            runningTasks.remove(taskId);
        }

        @Override
        public void connectionFailed(IOException error) {
            terminate(ExitReason.DRIVER_LOST, "could not reply to the driver: " + error);
        }
    }

    /** Looked up once per JVM: resolving the local host name can be slow. */
    private static final class LocalHost {
        static final String NAME = resolve();

        private static String resolve() {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
