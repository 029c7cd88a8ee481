package io.spindle.am.scheduler;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's RPC server: accepts executor connections on {@code spindle.rpc.port}, authenticates
 * them with the application secret, and connects each executor to the {@link TaskScheduler}.
 *
 * <p>A broken connection is handed to the {@link ExecutorDisconnectHandler}; an executor that has
 * not sent a heartbeat for {@code spindle.executor.heartbeatTimeout} is disconnected and reported
 * lost (counted against its tasks: a hung executor is usually the tasks' doing).
 *
 * <p>Threads: {@code spindle-driver-rpc-acceptor}, {@code spindle-driver-heartbeat-monitor} and one
 * {@code spindle-driver-executor-<id>} per connection.
 */
public final class DriverEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DriverEndpoint.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SpindleConf conf;
    private final TaskScheduler scheduler;
    private final byte[] secret;
    private final String applicationId;
    private final String bindAddress;
    private final ExecutorDisconnectHandler disconnectHandler;
    private final Duration heartbeatTimeout;
    private final Set<ExecutorConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCounter = new AtomicInteger();

    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile ScheduledExecutorService heartbeatMonitor;
    private volatile boolean closed;

    /**
     * @param bindAddress the address to listen on: {@code 0.0.0.0} on YARN, {@code 127.0.0.1} locally
     */
    public DriverEndpoint(SpindleConf conf, TaskScheduler scheduler, byte[] secret, String applicationId,
            String bindAddress) {
        this(conf, scheduler, secret, applicationId, bindAddress, ExecutorDisconnectHandler.COUNT_AGAINST_TASKS);
    }

    public DriverEndpoint(SpindleConf conf, TaskScheduler scheduler, byte[] secret, String applicationId,
            String bindAddress, ExecutorDisconnectHandler disconnectHandler) {
        this.conf = Objects.requireNonNull(conf, "conf");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.secret = secret.clone();
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.disconnectHandler = Objects.requireNonNull(disconnectHandler, "disconnectHandler");
        this.heartbeatTimeout = conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_TIMEOUT);
    }

    /** Binds the port and starts accepting executors. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("DriverEndpoint already started");
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, conf.get(SpindleKeys.RPC_PORT)), 128);
        } catch (IOException e) {
            socket.close();
            throw new IOException("Cannot listen for executors on " + bindAddress + ":"
                    + conf.get(SpindleKeys.RPC_PORT) + " (spindle.rpc.port): " + e.getMessage(), e);
        }
        server = socket;
        Thread accepting = new Thread(this::acceptLoop, "spindle-driver-rpc-acceptor");
        accepting.setDaemon(true);
        acceptor = accepting;
        accepting.start();
        long period = Math.max(100, Math.min(heartbeatTimeout.toMillis() / 4, 5_000));
        ScheduledThreadPoolExecutor monitor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "spindle-driver-heartbeat-monitor");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::expireSilentExecutors, period, period, TimeUnit.MILLISECONDS);
        heartbeatMonitor = monitor;
        LOG.info("Driver RPC endpoint listening on {}:{}", host(), port());
    }

    /** The port executors connect to; the bound one when {@code spindle.rpc.port} is 0. */
    public int port() {
        return requireStarted().getLocalPort();
    }

    /**
     * The host executors should connect to: the bind address, or this machine's name when bound
     * to all interfaces.
     */
    public String host() {
        InetAddress address = requireStarted().getInetAddress();
        if (!address.isAnyLocalAddress()) {
            return address.getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private ServerSocket requireStarted() {
        ServerSocket socket = server;
        if (socket == null) {
            throw new IllegalStateException("DriverEndpoint not started");
        }
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("Driver RPC endpoint stopped accepting executors", e);
                }
                return;
            }
            ExecutorConnection connection = new ExecutorConnection(socket, this);
            Thread thread = new Thread(() -> {
                try {
                    connection.run();
                } finally {
                    connectionThreads.remove(Thread.currentThread());
                }
            }, "spindle-driver-connection-" + connectionCounter.incrementAndGet());
            thread.setDaemon(true);
            connections.add(connection);
            connectionThreads.add(thread);
            thread.start();
            if (closed) {
                connection.close();
            }
        }
    }

    private void expireSilentExecutors() {
        List<String> silent = scheduler.executorsSilentFor(heartbeatTimeout);
        for (String executorId : silent) {
            String reason = "no heartbeat for more than " + heartbeatTimeout.toMillis()
                    + " ms (spindle.executor.heartbeatTimeout)";
            scheduler.executorLost(executorId, reason, true);
            for (ExecutorConnection connection : connections) {
                if (executorId.equals(connection.executorId())) {
                    connection.close();
                }
            }
        }
    }

    void connectionEnded(ExecutorConnection connection) {
        connections.remove(connection);
    }

    void executorDisconnected(String executorId, String reason) {
        if (closed) {
            return;
        }
        scheduler.disableExecutor(executorId);
        disconnectHandler.disconnected(executorId, reason, scheduler);
    }

    TaskScheduler scheduler() {
        return scheduler;
    }

    SpindleConf conf() {
        return conf;
    }

    String applicationId() {
        return applicationId;
    }

    byte[] secret() {
        return secret;
    }

    /**
     * Stops accepting, gives executors that were sent Shutdown a few seconds to hang up, then
     * closes every connection and waits for the endpoint's threads. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        ServerSocket socket = server;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        ScheduledExecutorService monitor = heartbeatMonitor;
        if (monitor != null) {
            monitor.shutdownNow();
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (ExecutorConnection connection : List.copyOf(connections)) {
            if (!connection.shutdownSent()) {
                connection.close();
            }
        }
        try {
            joinAll(deadline);
            for (ExecutorConnection connection : List.copyOf(connections)) {
                connection.close();
            }
            joinAll(System.nanoTime() + CLOSE_GRACE.toNanos());
            if (monitor != null) {
                monitor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinAll(long deadline) throws InterruptedException {
        Thread accepting = acceptor;
        if (accepting != null) {
            TimeUnit.NANOSECONDS.timedJoin(accepting, Math.max(1, deadline - System.nanoTime()));
        }
        for (Thread thread : List.copyOf(connectionThreads)) {
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
        }
    }
}
