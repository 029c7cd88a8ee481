package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's Hadoop configuration split into the three site files containers load. */
class HadoopSiteFilesTest {

    private static final String SCHEDULER_ADDRESS = "yarn.resourcemanager.scheduler.address";

    @TempDir
    Path directory;

    private static Configuration clientConf() {
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", "hdfs://nn.example:8020");
        conf.set("hadoop.security.authentication", "simple");
        conf.set("io.file.buffer.size", "131072");
        conf.set("mapreduce.framework.name", "yarn");
        conf.set("dfs.replication", "2");
        conf.set("dfs.client.use.datanode.hostname", "true");
        conf.set("yarn.resourcemanager.address", "rm.example:8032");
        conf.set(SCHEDULER_ADDRESS, "rm.example:8030");
        conf.set("yarn.nodemanager.vmem-check-enabled", "false");
        return conf;
    }

    private static Map<String, String> entries(Configuration conf) {
        Map<String, String> entries = new TreeMap<>();
        for (Map.Entry<String, String> entry : conf) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return entries;
    }

    private void writeSiteFiles(Configuration conf) throws IOException {
        for (Map.Entry<String, Configuration> site : HadoopSiteFiles.split(conf).entrySet()) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(site.getKey()))) {
                site.getValue().writeXml(out);
            }
        }
    }

    @Test
    void yarnKeysGoToYarnSiteDfsKeysToHdfsSiteMapreduceKeysToMapredSiteAndTheRestToCoreSite() {
        Map<String, Configuration> files = HadoopSiteFiles.split(clientConf());

        assertThat(files.keySet()).containsExactly("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml");
        assertThat(entries(files.get("core-site.xml"))).isEqualTo(Map.of(
                "fs.defaultFS", "hdfs://nn.example:8020",
                "hadoop.security.authentication", "simple",
                "io.file.buffer.size", "131072"));
        assertThat(entries(files.get("mapred-site.xml"))).isEqualTo(Map.of("mapreduce.framework.name", "yarn"));
        assertThat(entries(files.get("hdfs-site.xml"))).isEqualTo(Map.of(
                "dfs.replication", "2",
                "dfs.client.use.datanode.hostname", "true"));
        assertThat(entries(files.get("yarn-site.xml"))).isEqualTo(Map.of(
                "yarn.resourcemanager.address", "rm.example:8032",
                SCHEDULER_ADDRESS, "rm.example:8030",
                "yarn.nodemanager.vmem-check-enabled", "false"));
    }

    @Test
    void deprecatedKeyIsSkippedAndItsReplacementWritten() {
        Configuration conf = new Configuration(false);
        conf.set("fs.default.name", "hdfs://old-style.example:8020");

        Map<String, Configuration> files = HadoopSiteFiles.split(conf);

        assertThat(Configuration.isDeprecated("fs.default.name")).isTrue();
        assertThat(entries(files.get("core-site.xml"))).isEqualTo(Map.of("fs.defaultFS", "hdfs://old-style.example:8020"));
        assertThat(entries(files.get("hdfs-site.xml"))).isEmpty();
        assertThat(entries(files.get("yarn-site.xml"))).isEmpty();
    }

    @Test
    void siteFilesAddedAsResourcesLoadBackToTheInput() throws IOException {
        Configuration input = clientConf();
        writeSiteFiles(input);

        Configuration loaded = new Configuration(false);
        loaded.addResource(new org.apache.hadoop.fs.Path(directory.resolve("core-site.xml").toUri()));
        loaded.addResource(new org.apache.hadoop.fs.Path(directory.resolve("hdfs-site.xml").toUri()));
        loaded.addResource(new org.apache.hadoop.fs.Path(directory.resolve("yarn-site.xml").toUri()));
        loaded.addResource(new org.apache.hadoop.fs.Path(directory.resolve("mapred-site.xml").toUri()));

        assertThat(entries(loaded)).isEqualTo(entries(input));
    }

    @Test
    void yarnKeysLoadedAsDefaultResourcesWinOverYarnDefault() throws IOException {
        Configuration input = clientConf();
        writeSiteFiles(input);

        Map<String, String> loaded = loadAsContainerWould();

        assertThat(new YarnConfiguration().get(SCHEDULER_ADDRESS)).isEqualTo("0.0.0.0:8030");
        Map<String, String> yarnInput = valuesOf(entries(input), "yarn.");
        Map<String, String> yarnLoaded = new TreeMap<>();
        yarnInput.keySet().forEach(key -> yarnLoaded.put(key, loaded.get(key)));
        assertThat(yarnLoaded).isEqualTo(yarnInput).containsEntry(SCHEDULER_ADDRESS, "rm.example:8030");
    }

    @Test
    void coreKeysLoadedAsDefaultResourcesWinOverCoreDefault() throws IOException {
        Configuration input = clientConf();
        writeSiteFiles(input);

        Map<String, String> loaded = loadAsContainerWould();

        assertThat(List.of("fs.defaultFS", "hadoop.security.authentication", "io.file.buffer.size").stream()
                .collect(Collectors.toMap(key -> key, loaded::get)))
                .isEqualTo(Map.of("fs.defaultFS", "hdfs://nn.example:8020", "hadoop.security.authentication", "simple",
                        "io.file.buffer.size", "131072"));
    }

    /**
     * Regression: mapreduce.* keys went to core-site.xml, which loads before mapred-default.xml. Once
     * JobConf has been loaded in a JVM (starting a YarnClient or AMRMClient does it), every
     * Configuration reads mapred-default.xml after core-site.xml, and the shipped value is lost.
     */
    @Test
    void mapreduceKeysSurviveOnceMapredDefaultsAreLoaded() throws IOException {
        new JobConf(false); // registers mapred-default.xml and mapred-site.xml as default resources, as YarnClient.start() does
        Configuration input = clientConf();
        writeSiteFiles(input);

        Map<String, String> loaded = loadAsContainerWould();

        assertThat(loaded).containsEntry("mapreduce.framework.name", "yarn");
    }

    private static Map<String, String> valuesOf(Map<String, String> entries, String prefix) {
        Map<String, String> selected = new TreeMap<>();
        entries.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    @Test
    void schedulerAddressDerivedFromTheResourceManagerHostnameKeepsTheHostname() throws IOException {
        YarnConfiguration input = new YarnConfiguration(new Configuration());
        input.set("yarn.resourcemanager.hostname", "rm.example");
        writeSiteFiles(input);

        Map<String, String> loaded = loadAsContainerWould();

        assertThat(Map.of(
                SCHEDULER_ADDRESS, loaded.get(SCHEDULER_ADDRESS),
                "yarn.resourcemanager.address", loaded.get("yarn.resourcemanager.address")))
                .isEqualTo(Map.of(SCHEDULER_ADDRESS, "rm.example:8030", "yarn.resourcemanager.address", "rm.example:8032"));
    }

    /**
     * A container's classpath starts with the configuration directory, so a fresh
     * {@code YarnConfiguration} finds core-site.xml and yarn-site.xml as default resources, loaded
     * in the order core-default, core-site, yarn-default, yarn-site.
     */
    private Map<String, String> loadAsContainerWould() throws IOException {
        ClassLoader testLoader = getClass().getClassLoader();
        assertThat(testLoader.getResource("core-site.xml")).as("no core-site.xml on the test classpath").isNull();
        assertThat(testLoader.getResource("yarn-site.xml")).as("no yarn-site.xml on the test classpath").isNull();
        try (URLClassLoader withSiteFiles = new URLClassLoader(new URL[] {directory.toUri().toURL()}, testLoader)) {
            YarnConfiguration conf = new YarnConfiguration();
            conf.setClassLoader(withSiteFiles);
            conf.reloadConfiguration();
            Map<String, String> values = new TreeMap<>();
            for (Map.Entry<String, String> entry : conf) {
                values.put(entry.getKey(), conf.get(entry.getKey()));
            }
            return values;
        }
    }
}
