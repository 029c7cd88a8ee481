package io.spindle.am.client;

import io.spindle.conf.SpindleConf;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * One {@code bin/spindle submit --master yarn}.
 *
 * @param conf the submitted configuration: defaults file plus {@code --conf} (the job's code adds its own layer in the AM)
 * @param hadoopConf the client's view of the cluster (HADOOP_CONF_DIR)
 * @param spindleJars Spindle's own jars and dependencies, shipped to every container
 * @param log4jConfig log configuration shipped to containers, if any
 */
public record SubmitRequest(
        String mainClass,
        Path appJar,
        List<String> args,
        SpindleConf conf,
        Configuration hadoopConf,
        List<Path> spindleJars,
        Optional<Path> log4jConfig,
        Optional<Path> resultFile) {

    public SubmitRequest {
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(appJar, "appJar");
        args = List.copyOf(args);
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(hadoopConf, "hadoopConf");
        spindleJars = List.copyOf(spindleJars);
    }
}
