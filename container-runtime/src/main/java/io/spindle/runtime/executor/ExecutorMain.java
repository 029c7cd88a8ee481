package io.spindle.runtime.executor;

import io.spindle.runtime.rpc.RpcSecret;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of an executor container:
 * {@code ExecutorMain --driver host:port --executor-id ID --cores N [--container-id C]}.
 *
 * <p>The RPC secret is read from the current user's Hadoop credentials under
 * {@link RpcSecret#CREDENTIALS_ALIAS} (YARN localizes the container's tokens there), never from the
 * command line.
 *
 * <p>Exit codes, which the YARN allocator maps to a cause:
 * <ul>
 *   <li>{@value #EXIT_SHUTDOWN}: the driver sent Shutdown; a normal end.
 *   <li>{@value #EXIT_DRIVER_LOST}: the driver could not be reached, rejected this executor, or the
 *       connection to it broke.
 *   <li>{@value #EXIT_BAD_ARGUMENTS}: bad arguments or no secret in the credentials.
 * </ul>
 */
public final class ExecutorMain {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);

    public static final int EXIT_SHUTDOWN = 0;
    public static final int EXIT_DRIVER_LOST = 10;
    public static final int EXIT_BAD_ARGUMENTS = 11;

    private static final String USAGE =
            "usage: ExecutorMain --driver host:port --executor-id ID --cores N [--container-id C]";

    private ExecutorMain() {
    }

    public static void main(String[] args) {
        // Container start-up latency is mostly JVM and class loading: make it visible in the log.
        System.err.println("Executor JVM started at " + java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + ", main reached after "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        System.exit(run(args));
    }

    /** Runs an executor until it stops and returns the process exit code. */
    static int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return EXIT_BAD_ARGUMENTS;
        }
        byte[] secret;
        try {
            secret = UserGroupInformation.getCurrentUser().getCredentials()
                    .getSecretKey(new Text(RpcSecret.CREDENTIALS_ALIAS));
        } catch (IOException e) {
            LOG.error("Cannot read the current user's Hadoop credentials", e);
            return EXIT_BAD_ARGUMENTS;
        }
        if (secret == null) {
            LOG.error("No secret '{}' in the current user's Hadoop credentials; executors must be launched "
                    + "by the Spindle ApplicationMaster", RpcSecret.CREDENTIALS_ALIAS);
            return EXIT_BAD_ARGUMENTS;
        }
        return runExecutor(arguments, secret);
    }

    private static int runExecutor(Arguments arguments, byte[] secret) {
        String nodeHost = System.getenv("NM_HOST");
        Executor executor = nodeHost == null || nodeHost.isBlank()
                ? new Executor(arguments.driverHost, arguments.driverPort, secret, arguments.executorId,
                        arguments.cores, arguments.containerId)
                : new Executor(arguments.driverHost, arguments.driverPort, secret, arguments.executorId,
                        arguments.cores, arguments.containerId, nodeHost);
        try {
            executor.start();
        } catch (IOException e) {
            LOG.error("Executor {} could not register with the driver at {}:{}", arguments.executorId,
                    arguments.driverHost, arguments.driverPort, e);
            return EXIT_DRIVER_LOST;
        }
        try {
            while (!executor.awaitTermination(Duration.ofMinutes(1))) {
                if (executor.exitReason().isPresent()) {
                    LOG.warn("Executor {} has stopped but a task thread ignores its interrupt; exiting anyway",
                            arguments.executorId);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.stop("interrupted");
        }
        ExitReason reason = executor.exitReason().orElse(ExitReason.STOPPED);
        return switch (reason) {
            case SHUTDOWN, STOPPED -> EXIT_SHUTDOWN;
            case DRIVER_LOST -> EXIT_DRIVER_LOST;
        };
    }

    /** The parsed command line. */
    record Arguments(String driverHost, int driverPort, String executorId, int cores, String containerId) {

        static Arguments parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Bad arguments " + Arrays.toString(args) + " at '" + name + "'");
                }
                if (options.put(name, args[i + 1]) != null) {
                    throw new IllegalArgumentException("Option " + name + " given twice");
                }
            }
            String driver = required(options, "--driver");
            String executorId = required(options, "--executor-id");
            String cores = required(options, "--cores");
            String containerId = options.remove("--container-id");
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("Unknown options " + options.keySet());
            }
            int colon = driver.lastIndexOf(':');
            if (colon <= 0 || colon == driver.length() - 1) {
                throw new IllegalArgumentException("--driver must be host:port, got '" + driver + "'");
            }
            int port = parseInt("--driver port", driver.substring(colon + 1), 1, 65535);
            int coreCount = parseInt("--cores", cores, 1, Integer.MAX_VALUE);
            return new Arguments(driver.substring(0, colon), port, executorId, coreCount, containerId);
        }

        private static String required(Map<String, String> options, String name) {
            String value = options.remove(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Missing " + name);
            }
            return value;
        }

        private static int parseInt(String what, String text, int min, int max) {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(what + " must be an integer from " + min + " to " + max
                    + ", got '" + text + "'");
        }
    }
}
