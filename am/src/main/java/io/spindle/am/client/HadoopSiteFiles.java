package io.spindle.am.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Splits the client's effective Hadoop configuration into the site files containers load.
 *
 * <p>One file is not enough: {@code YarnConfiguration} loads {@code yarn-default.xml} after
 * {@code core-site.xml}, so YARN keys written to core-site would lose to their defaults (an AM
 * would then look for the scheduler at 0.0.0.0:8030). Each key goes to the site file loaded after
 * its own defaults.
 */
public final class HadoopSiteFiles {

    private HadoopSiteFiles() {
    }

    /** {@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml}, {@code mapred-site.xml} → their properties. */
    public static Map<String, Configuration> split(Configuration conf) {
        Configuration core = new Configuration(false);
        Configuration hdfs = new Configuration(false);
        Configuration yarn = new Configuration(false);
        Configuration mapred = new Configuration(false);
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : conf) {
            sorted.put(entry.getKey(), entry.getValue());
        }
        for (String key : sorted.keySet()) {
            if (Configuration.isDeprecated(key)) {
                continue; // its replacement key is written
            }
            String value = conf.get(key);
            if (value == null) {
                continue;
            }
            Configuration target = key.startsWith("yarn.") ? yarn
                    : key.startsWith("dfs.") ? hdfs
                    : key.startsWith("mapreduce.") || key.startsWith("mapred.") ? mapred
                    : core;
            target.set(key, value, "spindle-submit");
        }
        Map<String, Configuration> files = new LinkedHashMap<>();
        files.put("core-site.xml", core);
        files.put("hdfs-site.xml", hdfs);
        files.put("yarn-site.xml", yarn);
        // Once JobConf is loaded in a JVM (YarnClient does it), mapred-default.xml loads after core-site.xml.
        files.put("mapred-site.xml", mapred);
        return files;
    }
}
