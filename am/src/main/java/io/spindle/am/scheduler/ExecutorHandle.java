package io.spindle.am.scheduler;

import io.spindle.runtime.rpc.RpcMessage.LaunchTask;

/**
 * How the {@link TaskScheduler} reaches one executor. The RPC implementation is the executor's
 * connection in {@link DriverEndpoint}; tests use fakes.
 *
 * <p>Neither method throws: when a send fails the implementation closes its connection, and the
 * resulting loss report re-queues whatever was running there.
 */
public interface ExecutorHandle {

    void launchTask(LaunchTask launch);

    /** Asks the executor to stop; it should hang up once it has read this. */
    void shutdown(String reason);
}
