package io.spindle.am.client;

/** A submission that could not be made or followed; carries the exit code the CLI returns. */
public final class SubmissionException extends RuntimeException {

    private final ExitCode exitCode;

    public SubmissionException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SubmissionException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
