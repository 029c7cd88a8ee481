package io.spindle.runtime.executor;

/** Why an {@link Executor} stopped. */
public enum ExitReason {
    /** The driver sent Shutdown: the application is done with this executor. */
    SHUTDOWN,
    /** The connection to the driver broke or could not be used. */
    DRIVER_LOST,
    /** {@link Executor#stop} was called in this process. */
    STOPPED
}
