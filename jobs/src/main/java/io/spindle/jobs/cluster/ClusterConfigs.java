package io.spindle.jobs.cluster;

import io.spindle.am.client.HadoopSiteFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * The Hadoop side of {@link EmbeddedCluster}'s start-up: the YARN settings it runs with, the
 * caller's overrides, the MiniYARNCluster's work directory, and the client configuration files it
 * writes for applications ({@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml},
 * {@code mapred-site.xml}, {@code hive-site.xml}).
 */
final class ClusterConfigs {
    private static final String YARN_CLUSTER_NAME = "spindle";

    private ClusterConfigs() {
    }

    /** Every YARN setting this cluster runs with; see STACK.md. */
    static void configureYarn(Configuration conf, EmbeddedCluster.Options o) {
        // NodeManager capacity. MiniYARNCluster overwrites the first key with the second.
        conf.setInt(YarnConfiguration.NM_PMEM_MB, o.nmMemoryMb());
        conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", o.nmMemoryMb());
        conf.setInt(YarnConfiguration.NM_VCORES, o.nmVcores());
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        // A request larger than a node is rejected at once instead of waiting forever.
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, o.nmMemoryMb());
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, o.nmVcores());
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.0f);

        // Capacity scheduler: the shaded jar ships no capacity-scheduler.xml.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");

        // Shut down fast: otherwise NM stop waits ~34 s on log deletion.
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 2);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 0);

        // Allocate quickly: containers are handed out on NM heartbeats.
        conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 100);
        conf.setLong(YarnConfiguration.RM_AM_EXPIRY_INTERVAL_MS, 30_000);
        conf.setLong(YarnConfiguration.RM_NM_EXPIRY_INTERVAL_MS, 30_000);

        conf.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
    }

    static void applyOverrides(Configuration conf, Map<String, String> overrides, Predicate<String> applies) {
        overrides.forEach((k, v) -> {
            if (applies.test(k)) {
                conf.set(k, v);
            }
        });
    }

    /**
     * MiniYARNCluster puts its work dir under {@code GenericTestUtils.getTestDir()}, i.e. the
     * {@code test.build.data} system property (default {@code target/test/data} relative to the working
     * directory). Point it at our base dir for the duration of the constructor only.
     */
    static MiniYARNCluster newMiniYarnCluster(Path yarnDir, int nodeManagers) throws IOException {
        Files.createDirectories(yarnDir);
        String key = "test.build.data";
        String previous = System.getProperty(key);
        System.setProperty(key, yarnDir.toString());
        try {
            return new MiniYARNCluster(YARN_CLUSTER_NAME, 1, nodeManagers, 1, 1);
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    /**
     * Writes the live configuration as the site files a submission ships ({@link HadoopSiteFiles}:
     * each key in the file loaded after its own defaults), with the metastore's keys moved out of
     * core-site.xml into hive-site.xml, written when the cluster runs a metastore.
     */
    static void writeClientConfig(Configuration conf, Path dir, boolean withMetastore) throws IOException {
        Files.createDirectories(dir);
        Map<String, Configuration> files = HadoopSiteFiles.split(conf);
        Configuration core = files.get("core-site.xml");
        Configuration hive = new Configuration(false);
        List<String> hiveKeys = new ArrayList<>();
        for (Map.Entry<String, String> entry : core) {
            if (entry.getKey().startsWith("metastore.") || entry.getKey().startsWith("hive.")) {
                hiveKeys.add(entry.getKey());
            }
        }
        for (String key : hiveKeys) {
            hive.set(key, core.get(key), "spindle-embedded-cluster");
            core.unset(key);
        }
        for (Map.Entry<String, Configuration> file : files.entrySet()) {
            write(file.getValue(), dir.resolve(file.getKey()));
        }
        if (withMetastore) {
            write(hive, dir.resolve("hive-site.xml"));
        }
    }

    private static void write(Configuration conf, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            conf.writeXml(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
