package io.spindle.am.yarn;

import io.spindle.am.client.AppSpec;
import io.spindle.conf.SpindleConf;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the AM container. Everything it needs arrives as localized files
 * ({@link LaunchLayout}) and YARN credentials; its command line carries no arguments.
 */
public final class ApplicationMasterMain {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMasterMain.class);

    private ApplicationMasterMain() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            Path confDir = Path.of(LaunchLayout.CONF);
            AppSpec spec;
            try (InputStream in = Files.newInputStream(confDir.resolve(AppSpec.FILE_NAME))) {
                spec = AppSpec.read(in);
            }
            SpindleConf conf = SpindleConf.of(readProperties(confDir.resolve(LaunchLayout.SPINDLE_PROPERTIES)));
            ContainerId containerId = ContainerId.fromString(System.getenv(Environment.CONTAINER_ID.name()));
            String host = System.getenv(Environment.NM_HOST.name());
            YarnConfiguration yarnConf = new YarnConfiguration();
            conf.hadoopOverrides().forEach(yarnConf::set);
            exit = new ApplicationMaster(spec, conf, yarnConf, containerId.getApplicationAttemptId(), host).run();
        } catch (Throwable e) {
            LOG.error("The ApplicationMaster failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private static Map<String, String> readProperties(Path file) throws java.io.IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
