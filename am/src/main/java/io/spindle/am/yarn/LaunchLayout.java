package io.spindle.am.yarn;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;

/**
 * The layout of a Spindle container's working directory, shared by the submission client (which
 * uploads the files) and the ApplicationMaster (which launches executors from the same files).
 *
 * <pre>
 *   app.jar                      the user's application jar            (FILE)
 *   __spindle_libs__/*.jar       Spindle and its dependencies          (ARCHIVE, unpacked by the NM)
 *   __spindle_conf__/            core-site.xml, hdfs-site.xml, yarn-site.xml (the client's Hadoop configuration), log4j2.properties,
 *                                spindle.properties (submitted configuration), spindle-app.json (ARCHIVE)
 * </pre>
 */
public final class LaunchLayout {

    public static final String APP_JAR = "app.jar";
    public static final String LIBS = "__spindle_libs__";
    public static final String LIBS_ARCHIVE = LIBS + ".zip";
    public static final String CONF = "__spindle_conf__";
    public static final String CONF_ARCHIVE = CONF + ".zip";
    public static final String SPINDLE_PROPERTIES = "spindle.properties";
    public static final String LOG4J2_PROPERTIES = "log4j2.properties";
    /** Environment variable naming the staging directory inside containers. */
    public static final String ENV_STAGING_DIR = "SPINDLE_STAGING_DIR";

    private LaunchLayout() {
    }

    /** The container classpath: configuration first (so the shipped *-site.xml files win), then Spindle, then the app. */
    public static String classpath() {
        String pwd = Environment.PWD.$$();
        String separator = ApplicationConstants.CLASS_PATH_SEPARATOR;
        return String.join(separator, List.of(
                pwd + "/" + CONF,
                pwd + "/" + LIBS + "/*",
                pwd + "/" + APP_JAR));
    }

    public static Map<String, String> environment(String stagingDir) {
        return Map.of(
                Environment.CLASSPATH.name(), classpath(),
                ENV_STAGING_DIR, stagingDir);
    }

    /** {@code java} with the common flags; the caller appends main class and arguments. */
    public static String javaCommandPrefix(long heapMegabytes, String extraJavaOptions) {
        StringBuilder command = new StringBuilder();
        command.append(Environment.JAVA_HOME.$$()).append("/bin/java")
                .append(" -server -Xmx").append(heapMegabytes).append('m')
                .append(" -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError")
                .append(" -Djava.io.tmpdir=").append(Environment.PWD.$$()).append("/tmp")
                .append(" -Dlog4j2.configurationFile=").append(CONF).append('/').append(LOG4J2_PROPERTIES)
                .append(" -Dspindle.log.dir=").append(ApplicationConstants.LOG_DIR_EXPANSION_VAR);
        if (extraJavaOptions != null && !extraJavaOptions.isBlank()) {
            command.append(' ').append(extraJavaOptions.trim());
        }
        return command.toString();
    }

    public static String redirectLogs() {
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        return " 1>" + logDir + "/stdout 2>" + logDir + "/stderr";
    }

    /** Container memory for a heap: the heap plus its overhead, as YARN must account it. */
    public static long containerMegabytes(long heapMegabytes, long overheadMegabytes) {
        return heapMegabytes + overheadMegabytes;
    }
}
