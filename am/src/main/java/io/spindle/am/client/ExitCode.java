package io.spindle.am.client;

/**
 * The exit-code contract of {@code bin/spindle} and {@code yarn jar spindle-jobs.jar}, what a
 * scheduler such as Oozie or Airflow sees. Documented in README.md; never renumber.
 */
public enum ExitCode {
    /** The application finished and succeeded. */
    SUCCESS(0),
    /** A bug in Spindle itself: an unexpected error outside the job. */
    INTERNAL_ERROR(1),
    /** Bad arguments or configuration (unknown key, bad value, missing jar or class). Fix the call. */
    USAGE(2),
    /** The job failed in user code or on its data (a task kept failing). Fix the job or the input. */
    JOB_FAILED(3),
    /** YARN or HDFS unreachable, the AM lost, or executors failing past the limit. Retry later. */
    INFRASTRUCTURE(4),
    /** The application was killed (bin/spindle kill, yarn application -kill, or the RM). */
    KILLED(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExitCode fromCode(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        return INTERNAL_ERROR;
    }
}
