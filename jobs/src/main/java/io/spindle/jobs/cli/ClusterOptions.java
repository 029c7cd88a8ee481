package io.spindle.jobs.cli;

import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to a cluster without submitting. */
final class ClusterOptions {

    @Option(names = "--hadoop-conf-dir", description = "Hadoop client configuration (default: $HADOOP_CONF_DIR)")
    Path hadoopConfDir;

    Configuration hadoopConf() {
        SpindleConf conf = ConfigLoader.load(ConfigLoader.locateDefaultsFile(), Map.of(), Map.of());
        return HadoopConfigs.load(Optional.ofNullable(hadoopConfDir), conf);
    }
}
