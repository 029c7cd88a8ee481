package io.spindle.exec;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

/**
 * A task's error as text. Exceptions thrown by user code may not serialize (or their class may not
 * load on the driver), so an executor ships the class name, message and stack trace instead.
 */
public record TaskFailure(String exceptionClass, String message, String stackTrace) implements Serializable {

    public static TaskFailure of(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new TaskFailure(error.getClass().getName(), String.valueOf(error.getMessage()), trace.toString());
    }

    /** {@code java.lang.IllegalStateException: bad row 17} */
    public String summary() {
        return exceptionClass + ": " + message;
    }
}
