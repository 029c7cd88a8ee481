package io.spindle.jobs.cli;

import io.spindle.conf.SpindleConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/** The client's view of the cluster: a Hadoop configuration directory plus {@code spindle.hadoop.*}. */
final class HadoopConfigs {

    private static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml"};

    private HadoopConfigs() {
    }

    /** {@code --hadoop-conf-dir}, else $HADOOP_CONF_DIR, else whatever site files the classpath has. */
    static Configuration load(Optional<Path> configDir, SpindleConf conf) {
        YarnConfiguration hadoop = new YarnConfiguration();
        Optional<Path> dir = configDir.or(() -> Optional.ofNullable(System.getenv("HADOOP_CONF_DIR")).map(Path::of));
        if (dir.isPresent()) {
            if (!Files.isDirectory(dir.get())) {
                throw new IllegalArgumentException("Hadoop configuration directory " + dir.get() + " does not exist");
            }
            for (String name : SITE_FILES) {
                Path file = dir.get().resolve(name);
                if (Files.isRegularFile(file)) {
                    hadoop.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                }
            }
        }
        conf.hadoopOverrides().forEach(hadoop::set);
        return hadoop;
    }
}
