package io.spindle.jobs.cli;

import io.spindle.formats.fs.HadoopConfigurations;
import java.security.SecureRandom;
import java.util.Calendar;
import java.util.TimeZone;
import javax.crypto.Mac;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatisticsContext;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Runs the process-wide initialisations a local job always reaches, on a second thread while the
 * main thread parses the command line and starts the session: the time-zone data, the HMAC and
 * secure-random providers of the RPC handshake, Hadoop's configuration classes and file-system
 * registry, the login user and Hadoop's I/O statistics context. Each is a JVM-wide one-time step
 * that the main thread would otherwise take in turn (the login and file-system registry inside the
 * first query); doing it here changes when, not what: the same code runs with the same inputs (the
 * login user comes from the classpath's Hadoop configuration, as Hadoop's lazy initialisation
 * reads it).
 *
 * <p>Only for commands that start a local session ({@code bench}, and {@code submit} with a
 * {@code local} master on the command line); {@code --help}, {@code status}, {@code kill} and
 * YARN submissions do not pay for it. A step that fails is left for the main thread to meet and
 * report where it always did.
 */
final class StartupWarmup {

    private StartupWarmup() {
    }

    /**
     * Binds SLF4J to its provider on the calling thread (log4j builds its context when that thread
     * asks for its first logger, soon after), then starts the warm-up thread and returns it.
     * Called once a command's arguments are parsed and it starts a local session.
     */
    static Thread start() {
        // Logging first, here, on the calling thread: SLF4J hands out stand-in loggers to threads
        // that ask while another thread initialises it, and drops what they log in the meantime
        // (with a warning on stderr).
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(StartupWarmup::run, "spindle-startup-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * First the steps that log nothing ({@link #jdkSteps}), then the Hadoop steps, which the main
     * thread reaches last (the login only in the first query).
     */
    private static void run() {
        jdkSteps();
        // Spindle's parse of Hadoop's XML configuration (the session copies it). The login would
        // initialise itself from a new Configuration, one more parse, when the file-system registry
        // first asks for the user; it is handed a copy of the parsed one instead, which holds the
        // same values, unless something in this JVM (a local job's main, say) initialised it first.
        quietly(() -> {
            org.apache.hadoop.conf.Configuration parsed = HadoopConfigurations.fresh();
            synchronized (UserGroupInformation.class) { // the lock of the login's own initialisation
                if (!UserGroupInformation.isInitialized()) {
                    UserGroupInformation.setConfiguration(parsed);
                }
            }
            return null;
        });
        quietly(() -> FileSystem.getFileSystemClass("file", HadoopConfigurations.fresh()));
        quietly(UserGroupInformation::getCurrentUser);
        // Hadoop's I/O statistics read their settings from a configuration of their own on first
        // use, which is otherwise the first task's first local file write.
        quietly(IOStatisticsContext::getCurrentIOStatisticsContext);
    }

    /**
     * The steps that log nothing, so they run while the main thread builds the logging context,
     * which holds up every thread that asks for a logger (every Hadoop class has one): the
     * time-zone and calendar data that the log pattern's date reads, the JSON mapper class that
     * log4j's configuration factories probe for, and the JCA providers of the RPC handshake.
     */
    private static void jdkSteps() {
        quietly(() -> Calendar.getInstance(TimeZone.getDefault()));
        quietly(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true,
                StartupWarmup.class.getClassLoader()));
        quietly(() -> {
            Mac.getInstance("HmacSHA256");
            return new SecureRandom().nextInt();
        });
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            // The main thread takes the same step later and reports its failure in context.
        }
    }
}
