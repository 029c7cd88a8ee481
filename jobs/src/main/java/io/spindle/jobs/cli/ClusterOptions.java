package io.spindle.jobs.cli;

import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** Options shared by commands that talk to a cluster without submitting. */
final class ClusterOptions {

    private Path hadoopConfDir;

    /** Adds {@code --hadoop-conf-dir} to {@code spec}. */
    CommandSpec addTo(CommandSpec spec) {
        return spec.option("--hadoop-conf-dir", "hadoopConfDir", "Hadoop client configuration (default: $HADOOP_CONF_DIR)",
                CommandSpec.ValueType.PATH, value -> hadoopConfDir = value);
    }

    Configuration hadoopConf() {
        SpindleConf conf = ConfigLoader.load(ConfigLoader.locateDefaultsFile(), Map.of(), Map.of());
        return HadoopConfigs.load(Optional.ofNullable(hadoopConfDir), conf);
    }
}
