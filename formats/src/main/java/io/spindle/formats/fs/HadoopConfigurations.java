package io.spindle.formats.fs;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Fresh Hadoop configurations without parsing the XML resources again for each. {@code new
 * Configuration()} parses {@code core-default.xml} and the site files on its first read, tens of
 * milliseconds each time in a young JVM (and the parser's code is compiled for it); a driver makes
 * one for every read, plan and write and every executor one more. Here they are parsed once per JVM
 * and every configuration handed out is a copy of that parsed state: as fresh and independent as
 * {@code new Configuration()} (changes to one are never seen by another), with the same values.
 *
 * <p>Hadoop adds default resources when some of its classes initialise ({@code JobConf}: the
 * MapReduce and YARN defaults, reached through the login's resolver set-up; {@code
 * HdfsConfiguration}: the HDFS defaults, reached when the file-system registry loads {@code
 * DistributedFileSystem}), and each addition marks every live configuration for a full re-parse
 * on its next read: the parsed one and every copy a session already holds, on whichever thread
 * reads it next (in a local job, the query's). So those classes are initialised first and the
 * parse happens once, with everything they add. When Hadoop adds another default resource later,
 * copies made after that still see it, as a new configuration would.
 */
public final class HadoopConfigurations {
    private static final Object LOCK = new Object();
    private static Configuration parsed;

    /** The Hadoop classes that add default resources in their static initialisers. */
    private static final List<String> DEFAULT_RESOURCE_ADDERS =
            List.of("org.apache.hadoop.mapred.JobConf", "org.apache.hadoop.hdfs.HdfsConfiguration");

    private HadoopConfigurations() {}

    /** A new configuration with the defaults and site files loaded, like {@code new Configuration()}. */
    public static Configuration fresh() {
        Configuration copy;
        synchronized (LOCK) {
            if (parsed == null) {
                addAllDefaultResources();
                parsed = new Configuration();
            }
            // The copy constructor loads the resources of the parsed one first (once), then copies them.
            copy = new Configuration(parsed);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        copy.setClassLoader(loader != null ? loader : Configuration.class.getClassLoader());
        return copy;
    }

    /**
     * A fresh configuration for a job: {@link #fresh()} with its Hadoop overrides ({@code
     * spindle.hadoop.*}) set and Spindle's local file system for {@code file:} paths ({@link
     * NioLocalFileSystem#install}). What the driver's session and every executor use.
     */
    public static Configuration forJob(Map<String, String> hadoopOverrides) {
        Configuration conf = fresh();
        hadoopOverrides.forEach(conf::set);
        return NioLocalFileSystem.install(conf);
    }

    private static void addAllDefaultResources() {
        for (String adder : DEFAULT_RESOURCE_ADDERS) {
            try {
                Class.forName(adder, true, Configuration.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // Not on this classpath, so it cannot add its resources later either.
            }
        }
    }
}
