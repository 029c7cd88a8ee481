package io.spindle.jobs.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** What the embedded cluster's daemons may log: their routine chatter is not the demo's output. */
final class DaemonLogging {

    /**
     * The loggers of the Hadoop daemons' classes (packages, and the DataNodes' disk-usage refresher),
     * which no client, AM or executor uses.
     */
    private static final List<String> DAEMON_LOGGERS = List.of("org.apache.hadoop.yarn.event",
            "org.apache.hadoop.yarn.server", "org.apache.hadoop.hdfs.server",
            "org.apache.hadoop.security.token.delegation", "org.apache.hadoop.fs.CachingGetSpaceUsed");

    /**
     * The daemons' web layers (Jersey, Guice's servlet filter), which log their routine start-up
     * through java.util.logging, straight to stderr. Held because java.util.logging keeps loggers
     * weakly and would forget their levels.
     */
    private static List<java.util.logging.Logger> webLoggers = List.of();

    private DaemonLogging() {
    }

    /**
     * Lets only warnings through from Jersey (dozens of INFO lines per daemon otherwise) and only
     * errors from Guice's servlet filter (its warning about several servlet injectors is what
     * several NodeManagers in one JVM means).
     */
    static synchronized void quietWebLayers() {
        if (webLoggers.isEmpty()) {
            webLoggers = List.of(
                    julAt("org.apache.hadoop.shaded.com.sun.jersey", java.util.logging.Level.WARNING),
                    julAt("org.apache.hadoop.shaded.com.google.inject.servlet", java.util.logging.Level.SEVERE));
        }
    }

    private static java.util.logging.Logger julAt(String name, java.util.logging.Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    /**
     * Silences the daemons' own loggers for their shutdown: the ResourceManager, NodeManagers and
     * DataNodes report their threads being interrupted by the stop as errors (after the demo has
     * printed its result). A step that fails or hangs is still reported by the cluster's own logger.
     * Returns the levels to restore.
     */
    static Map<String, Level> quietDaemonLoggers() {
        Map<String, Level> previous = new LinkedHashMap<>();
        for (String name : DAEMON_LOGGERS) {
            previous.put(name, LogManager.getLogger(name).getLevel());
            Configurator.setLevel(name, Level.OFF);
        }
        return previous;
    }
}
