package io.spindle.exec;

/**
 * A stage could not complete. Carries the failing task's identity and its last error so that the
 * job's final diagnostics name them.
 */
public class JobFailedException extends RuntimeException {

    /** Why the job failed: decides the exit code a scheduler such as Oozie or Airflow sees. */
    public enum Cause {
        /** A task kept failing: user code or bad data. */
        TASK_FAILED,
        /** Executors or the cluster failed past the configured limits. */
        INFRASTRUCTURE
    }

    private final Cause cause;
    private final TaskFailure lastFailure;

    public JobFailedException(Cause cause, String message, TaskFailure lastFailure) {
        super(message);
        this.cause = cause;
        this.lastFailure = lastFailure;
    }

    public Cause failureCause() {
        return cause;
    }

    /** The last attempt's error, or null when no task failed (for example all executors were lost). */
    public TaskFailure lastFailure() {
        return lastFailure;
    }
}
