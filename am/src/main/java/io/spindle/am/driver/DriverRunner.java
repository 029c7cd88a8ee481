package io.spindle.am.driver;

import io.spindle.am.client.ExitCode;
import io.spindle.api.Session;
import io.spindle.conf.ConfigException;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.TaskFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Runs a job's {@code main} (in the ApplicationMaster, or in the client for local masters) and
 * classifies how it ended into the {@link ExitCode} contract.
 */
public final class DriverRunner {

    /** YARN keeps diagnostics in RM memory and its state store: keep them readable and bounded. */
    static final int MAX_DIAGNOSTICS_CHARS = 8_000;

    private DriverRunner() {
    }

    public static DriverOutcome run(String mainClass, List<String> args, ClassLoader loader) {
        Method main;
        try {
            Class<?> type = Class.forName(mainClass, true, loader);
            main = type.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                return new DriverOutcome(ExitCode.USAGE, "bad main class", "Main class '" + mainClass
                        + "' has no static main(String[]) method.");
            }
        } catch (ExceptionInInitializerError e) {
            // The job's own static initializer failed: its error, not Spindle's.
            return classify(e.getCause() == null ? e : e.getCause());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return new DriverOutcome(ExitCode.USAGE, "main class not found", "Main class '" + mainClass
                    + "' was not found on the application's classpath: " + e.getMessage());
        } catch (NoSuchMethodException e) {
            return new DriverOutcome(ExitCode.USAGE, "bad main class", "Main class '" + mainClass
                    + "' has no static main(String[]) method.");
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args.toArray(String[]::new));
            return new DriverOutcome(ExitCode.SUCCESS, "succeeded", "");
        } catch (InvocationTargetException e) {
            return classify(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            return new DriverOutcome(ExitCode.USAGE, "bad main class", "Main class '" + mainClass
                    + "' main method is not public: " + e.getMessage());
        } finally {
            current.setContextClassLoader(previous);
            Session.active().ifPresent(Session::stop);
        }
    }

    /** Maps what a job threw to the exit-code contract. */
    public static DriverOutcome classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                return new DriverOutcome(ExitCode.USAGE, "bad configuration", bounded(config.getMessage()));
            }
            if (cause instanceof JobFailedException failed) {
                ExitCode exit = failed.failureCause() == JobFailedException.Cause.INFRASTRUCTURE
                        ? ExitCode.INFRASTRUCTURE : ExitCode.JOB_FAILED;
                TaskFailure last = failed.lastFailure();
                String detail = last == null ? "" : "\n" + last.stackTrace();
                return new DriverOutcome(exit, exit == ExitCode.INFRASTRUCTURE ? "infrastructure failure" : "task failed",
                        bounded(failed.getMessage() + detail));
            }
        }
        return new DriverOutcome(ExitCode.JOB_FAILED, "job failed", bounded("The job's main method threw "
                + stackTrace(error)));
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_DIAGNOSTICS_CHARS ? text : text.substring(0, MAX_DIAGNOSTICS_CHARS) + "\n... (truncated)";
    }
}
