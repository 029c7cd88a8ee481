package io.spindle.jobs.cli;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Runs the process-wide initialisations a local job always reaches, on a second thread while the
 * main thread parses the command line and starts the session: Hadoop's configuration
 * classes and file-system registry, the login user, Guice, and the HMAC and secure-random
 * providers of the RPC handshake. Each is a JVM-wide one-time step that the main thread would
 * otherwise take in turn (the login and file-system registry inside the first query); doing it
 * here changes when, not what: the same code runs with the same inputs (the login user comes from
 * the classpath's Hadoop configuration, as Hadoop's lazy initialisation reads it).
 *
 * <p>Only for commands that start a local session ({@code bench}, and {@code submit} with a
 * {@code local} master on the command line); {@code --help}, {@code status}, {@code kill} and
 * YARN submissions do not pay for it. A step that fails is left for the main thread to meet and
 * report where it always did.
 */
final class StartupWarmup {

    private StartupWarmup() {
    }

    /** Starts the warm-up thread if {@code args} starts a local session; returns it, or null. */
    static Thread startFor(String... args) {
        if (!startsLocalSession(List.of(args))) {
            return null;
        }
        // Logging is initialised here, on the calling thread, before anything else runs: SLF4J hands
        // out stand-in loggers to threads that ask while another thread initialises it, and drops
        // what they log in the meantime (with a warning on stderr).
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(StartupWarmup::run, "spindle-startup-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Whether the command line runs a local session: bench, or submit --master local... */
    static boolean startsLocalSession(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        if (args.contains("--help") || args.contains("-h") || args.contains("--version") || args.contains("-V")) {
            return false;
        }
        switch (args.get(0)) {
            case "bench":
                int cold = args.indexOf("--cold");
                if (cold >= 0 && cold + 1 < args.size() && !args.get(cold + 1).equals("0")) {
                    return false; // the queries run in child processes
                }
                int master = args.indexOf("--master");
                return master < 0 || master + 1 >= args.size() || isLocal(args.get(master + 1));
            case "submit":
                for (int i = 1; i < args.size(); i++) {
                    String arg = args.get(i);
                    if (arg.equals("--master") && i + 1 < args.size()) {
                        return isLocal(args.get(i + 1));
                    }
                    if (arg.startsWith("--master=")) {
                        return isLocal(arg.substring("--master=".length()));
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static boolean isLocal(String master) {
        return master.toLowerCase(Locale.ROOT).startsWith("local");
    }

    /**
     * The Hadoop steps, which the main thread reaches
     * last (the login only in the first query), in the order it takes them, so that both threads
     * take Hadoop's class-initialisation locks alike; Guice and the JCA providers, which the main
     * thread soon reaches itself, come after.
     */
    private static void run() {
        // One configuration, parsed once, for the file-system registry (loading it registers the
        // HDFS default resources, as it would on the main thread).
        quietly(() -> FileSystem.getFileSystemClass("file", new Configuration()));
        quietly(UserGroupInformation::getCurrentUser);
        quietly(() -> {
            Mac.getInstance("HmacSHA256");
            return new SecureRandom().nextInt();
        });
        quietly(() -> com.google.inject.Guice.createInjector());
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
