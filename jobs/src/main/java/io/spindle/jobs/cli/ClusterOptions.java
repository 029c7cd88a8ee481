package io.spindle.jobs.cli;

import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** The Hadoop client configuration option shared by the commands that talk to a cluster. */
final class ClusterOptions {

    private Path hadoopConfDir;

    /** Adds {@code --hadoop-conf-dir} to {@code spec}. */
    CommandSpec addTo(CommandSpec spec) {
        return spec.option("--hadoop-conf-dir", "hadoopConfDir", "Hadoop client configuration (default: $HADOOP_CONF_DIR)",
                CommandSpec.ValueType.PATH, value -> hadoopConfDir = value);
    }

    /** The Hadoop client configuration, with the Spindle defaults' Hadoop overrides. */
    Configuration hadoopConf() {
        return hadoopConf(ConfigLoader.load(ConfigLoader.locateDefaultsFile(), Map.of(), Map.of()));
    }

    /** The Hadoop client configuration, with {@code conf}'s Hadoop overrides. */
    Configuration hadoopConf(SpindleConf conf) {
        return HadoopConfigs.load(Optional.ofNullable(hadoopConfDir), conf);
    }
}
