package io.spindle.formats.fs;

import org.apache.hadoop.conf.Configuration;

/**
 * Fresh Hadoop configurations without parsing the XML resources again for each. {@code new
 * Configuration()} parses {@code core-default.xml} and the site files on its first read, tens of
 * milliseconds each time in a young JVM (and the parser's code is compiled for it); a driver makes
 * one for every read, plan and write and every executor one more. Here they are parsed once per JVM
 * and every configuration handed out is a copy of that parsed state: as fresh and independent as
 * {@code new Configuration()} (changes to one are never seen by another), with the same values.
 *
 * <p>When Hadoop adds a default resource later ({@code Configuration.addDefaultResource}, e.g. when
 * the HDFS classes load), it reloads every live configuration, the parsed one included, so copies
 * made after that see the new resource as a new configuration would.
 */
public final class HadoopConfigurations {
    private static final Object LOCK = new Object();
    private static Configuration parsed;

    private HadoopConfigurations() {}

    /** A new configuration with the defaults and site files loaded, like {@code new Configuration()}. */
    public static Configuration fresh() {
        Configuration copy;
        synchronized (LOCK) {
            if (parsed == null) {
                parsed = new Configuration();
            }
            // The copy constructor loads the resources of the parsed one first (once), then copies them.
            copy = new Configuration(parsed);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        copy.setClassLoader(loader != null ? loader : Configuration.class.getClassLoader());
        return copy;
    }
}
