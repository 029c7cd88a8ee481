package io.spindle.am.scheduler;

import io.spindle.runtime.rpc.RpcAuthenticationException;
import io.spindle.runtime.rpc.RpcConnection;
import io.spindle.runtime.rpc.RpcMessage;
import io.spindle.runtime.rpc.RpcMessage.Heartbeat;
import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import io.spindle.runtime.rpc.RpcMessage.RegisterExecutor;
import io.spindle.runtime.rpc.RpcMessage.TaskFailed;
import io.spindle.runtime.rpc.RpcMessage.TaskFinished;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's end of one executor's connection, served by its own thread: authenticates,
 * registers the executor, then forwards its messages to the scheduler until the connection ends,
 * which it reports as a disconnect.
 */
final class ExecutorConnection implements ExecutorHandle, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorConnection.class);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final Socket socket;
    private final DriverEndpoint endpoint;
    private volatile RpcConnection rpc;
    private volatile String executorId;
    private volatile boolean shutdownSent;

    ExecutorConnection(Socket socket, DriverEndpoint endpoint) {
        this.socket = socket;
        this.endpoint = endpoint;
    }

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            rpc = RpcConnection.accept(socket, endpoint.secret(), HANDSHAKE_TIMEOUT);
        } catch (RpcAuthenticationException e) {
            LOG.warn("Rejected RPC connection from {}: {}", peer, e.getMessage());
            return;
        } catch (IOException e) {
            LOG.warn("RPC handshake with {} failed: {}", peer, e.toString());
            return;
        }
        String reason;
        try {
            if (!register()) {
                return;
            }
            Thread.currentThread().setName("spindle-driver-executor-" + executorId);
            serve();
            reason = "connection closed";
        } catch (EOFException e) {
            reason = "executor closed the connection";
        } catch (IOException | RuntimeException e) {
            reason = "connection failed: " + e.getMessage();
        } finally {
            rpc.close();
            endpoint.connectionEnded(this);
        }
        if (executorId != null) {
            endpoint.executorDisconnected(executorId, reason);
        }
    }

    private boolean register() throws IOException {
        rpc.setReadTimeout(REGISTRATION_TIMEOUT);
        RpcMessage first = rpc.receive();
        rpc.setReadTimeout(Duration.ZERO);
        if (!(first instanceof RegisterExecutor register)) {
            LOG.warn("Closing connection from {}: expected RegisterExecutor, got {}", rpc.peer(), first);
            return false;
        }
        ExecutorInfo info = new ExecutorInfo(register.executorId(), register.host(), register.containerId(),
                register.cores(), register.pid());
        TaskScheduler scheduler = endpoint.scheduler();
        if (scheduler.isKnownExecutor(info.executorId())) {
            refuse("executor id " + info.executorId() + " is already registered or was lost");
            return false;
        }
        // Registered goes out before the scheduler can send the first LaunchTask.
        rpc.send(new RpcMessage.Registered(endpoint.conf(), endpoint.applicationId()));
        if (!scheduler.registerExecutor(info, this)) {
            refuse("executor id " + info.executorId() + " is already registered, or the driver is stopping");
            return false;
        }
        executorId = info.executorId();
        return true;
    }

    private void refuse(String reason) throws IOException {
        LOG.warn("Refusing executor from {}: {}", rpc.peer(), reason);
        rpc.send(new RpcMessage.Shutdown(reason));
        rpc.shutdownOutput();
    }

    private void serve() throws IOException {
        TaskScheduler scheduler = endpoint.scheduler();
        while (true) {
            RpcMessage message = rpc.receive();
            if (message instanceof TaskFinished finished) {
                scheduler.taskFinished(finished.taskId(), finished.serializedResult());
            } else if (message instanceof TaskFailed failed) {
                scheduler.taskFailed(failed.taskId(), failed.failure());
            } else if (message instanceof Heartbeat) {
                scheduler.heartbeat(executorId);
            } else {
                LOG.warn("Executor {} sent unexpected {}; ignored", executorId, message);
            }
        }
    }

    @Override
    public void launchTask(LaunchTask launch) {
        try {
            rpc.send(launch);
        } catch (IOException e) {
            LOG.warn("Could not send task {} to executor {}: {}", launch.taskId(), executorId, e.toString());
            close();
        }
    }

    @Override
    public void shutdown(String reason) {
        try {
            rpc.send(new RpcMessage.Shutdown(reason));
            shutdownSent = true;
            rpc.shutdownOutput();
        } catch (IOException e) {
            close();
        }
    }

    boolean shutdownSent() {
        return shutdownSent;
    }

    String executorId() {
        return executorId;
    }

    /** Breaks the connection; the serving thread then reports the executor disconnected. */
    void close() {
        RpcConnection connection = rpc;
        if (connection != null) {
            connection.close();
        } else {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
    }
}
