package io.spindle.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.spindle.jobs.cluster.EmbeddedCluster;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.protocol.LocatedBlock;
import org.apache.hadoop.hdfs.protocol.LocatedBlocks;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(MiniClusterExtension.class)
class MiniClusterSmokeTest {

    private static final Logger LOG = LoggerFactory.getLogger(MiniClusterSmokeTest.class);

    private final EmbeddedCluster cluster;

    MiniClusterSmokeTest(EmbeddedCluster cluster) {
        this.cluster = cluster;
    }

    @AfterAll
    static void logPeakRss() {
        LOG.info("Peak RSS of the test JVM so far: {}", EmbeddedCluster.peakRss());
    }

    @Test
    void theStaticAccessorAndTheParameterAreTheSameCluster() {
        assertThat(MiniClusterExtension.cluster()).isSameAs(cluster);
    }

    @Test
    void hdfsWritesAndReadsBackAFileReplicatedTwice() throws Exception {
        FileSystem fs = cluster.fileSystem();
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/smoke/hdfs/hello.txt");
        String content = "spindle smoke test\nline two: ünïcödé\n".repeat(1000);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }

        byte[] read;
        try (InputStream in = fs.open(file)) {
            read = in.readAllBytes();
        }
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(fs.getUri().getScheme()).isEqualTo("hdfs");

        // Replication as the NameNode reports it: the file's factor and the live replicas of each block.
        assertThat(fs.getFileStatus(file).getReplication()).isEqualTo((short) 2);
        assertThat(fs.getFileStatus(file).getLen()).isEqualTo(bytes.length);
        LocatedBlocks blocks = cluster.dfs().getNameNodeRpc().getBlockLocations(file.toString(), 0, bytes.length);
        assertThat(blocks.getLocatedBlocks()).isNotEmpty();
        for (LocatedBlock block : blocks.getLocatedBlocks()) {
            assertThat(block.getLocations()).as("replicas of %s", block.getBlock()).hasSize(2);
        }
        assertThat(fs.delete(new org.apache.hadoop.fs.Path("/smoke/hdfs"), true)).isTrue();
    }

    @Test
    void bothNodeManagersRegisterWithTheConfiguredResources() throws Exception {
        // Straight from the RM ...
        Map<String, RMNode> rmNodes = cluster.yarn().getResourceManager().getRMContext().getRMNodes().values()
                .stream().collect(Collectors.toMap(n -> n.getNodeID().toString(), n -> n));
        assertThat(rmNodes).hasSize(2);
        for (RMNode node : rmNodes.values()) {
            assertThat(node.getTotalCapability().getMemorySize()).isEqualTo(4096L);
            assertThat(node.getTotalCapability().getVirtualCores()).isEqualTo(4);
        }
        // ... and over RPC, through the client configuration.
        try (YarnClient yarn = yarnClient(cluster.clientConfiguration())) {
            List<NodeReport> reports = yarn.getNodeReports(NodeState.RUNNING);
            assertThat(reports).hasSize(2);
            assertThat(reports).allSatisfy(r -> {
                assertThat(r.getCapability().getMemorySize()).isEqualTo(4096L);
                assertThat(r.getCapability().getVirtualCores()).isEqualTo(4);
            });
            assertThat(reports.stream().map(r -> r.getNodeId().toString()))
                    .containsExactlyInAnyOrderElementsOf(rmNodes.keySet());
        }
    }

    @Test
    void theClientConfigDirAloneReachesTheLiveCluster() throws Exception {
        Path dir = cluster.clientConfigDir();
        for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "hive-site.xml")) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        // What a container does: defaults plus the shipped site files, nothing inherited.
        Configuration conf = new YarnConfiguration();
        for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "hive-site.xml")) {
            conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve(f).toUri()));
        }
        Configuration live = cluster.yarn().getConfig();
        assertThat(conf.get(YarnConfiguration.RM_SCHEDULER_ADDRESS))
                .isEqualTo(live.get(YarnConfiguration.RM_SCHEDULER_ADDRESS))
                .doesNotEndWith(":0");
        assertThat(conf.get(YarnConfiguration.RM_ADDRESS)).isEqualTo(live.get(YarnConfiguration.RM_ADDRESS));
        assertThat(conf.get(FileSystem.FS_DEFAULT_NAME_KEY)).isEqualTo(cluster.fileSystem().getUri().toString());
        assertThat(conf.get("dfs.replication")).isEqualTo("2");
        assertThat(conf.get("yarn.scheduler.capacity.root.queues")).isEqualTo("default");
        assertThat(MetastoreConf.getVar(conf, MetastoreConf.ConfVars.THRIFT_URIS)).isEqualTo(cluster.metastoreUri());

        try (YarnClient yarn = yarnClient(conf)) {
            assertThat(yarn.getYarnClusterMetrics().getNumNodeManagers()).isEqualTo(2);
        }
        try (FileSystem fs = FileSystem.newInstance(conf)) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path("/smoke/conf-dir/probe");
            try (OutputStream out = fs.create(p, true)) {
                out.write(42);
            }
            assertThat(cluster.fileSystem().getFileStatus(p).getLen()).isEqualTo(1);
            fs.delete(p.getParent(), true);
        }
    }

    @Test
    void theMetastoreCreatesAndReadsBackADatabaseOnHdfs() throws Exception {
        assertThat(cluster.metastoreUri()).matches("thrift://127\\.0\\.0\\.1:\\d+");
        Configuration conf = MetastoreConf.newMetastoreConf();
        MetastoreConf.setVar(conf, MetastoreConf.ConfVars.THRIFT_URIS, cluster.metastoreUri());
        HiveMetaStoreClient client = new HiveMetaStoreClient(conf);
        try {
            String name = "smoke_db";
            client.createDatabase(new Database(name, "smoke test database", null, Collections.emptyMap()));
            Database db = client.getDatabase(name);
            String fsUri = cluster.fileSystem().getUri().toString();
            assertThat(db.getName()).isEqualTo(name);
            assertThat(db.getDescription()).isEqualTo("smoke test database");
            // Hive 4: a database's default location is under the external warehouse; managed tables go
            // under the managed warehouse (metastore.warehouse.dir).
            assertThat(db.getLocationUri()).isEqualTo(fsUri + "/user/hive/external/" + name + ".db");
            if (db.getManagedLocationUri() != null) {
                assertThat(db.getManagedLocationUri()).startsWith(fsUri + "/user/hive/warehouse/");
            }
            LOG.info("Database {}: location {}, managed location {}", name, db.getLocationUri(),
                    db.getManagedLocationUri());
            assertThat(cluster.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(db.getLocationUri()))
                    .isDirectory()).isTrue();
            assertThat(client.getAllDatabases()).contains(name, "default");
            client.dropDatabase(name, true, true, false);
            assertThat(client.getAllDatabases()).doesNotContain(name);
        } finally {
            client.close();
        }
    }

    /**
     * Submission latency: an AM container that is a plain shell command (it touches a marker and exits without
     * registering, so with one attempt the application ends FAILED). Shows that a container is allocated,
     * launched as a real process by the NodeManager and reported back within a few seconds.
     */
    @Test
    void yarnAllocatesAndLaunchesAContainerQuickly() throws Exception {
        Path marker = cluster.options().baseDir().toAbsolutePath().resolve("smoke-am-ran-" + System.nanoTime());
        try (YarnClient yarn = yarnClient(cluster.clientConfiguration())) {
            ApplicationSubmissionContext ctx = yarn.createApplication().getApplicationSubmissionContext();
            ApplicationId appId = ctx.getApplicationId();
            ctx.setApplicationName("spindle-smoke-latency");
            ctx.setQueue("default");
            ctx.setMaxAppAttempts(1);
            ctx.setResource(Resource.newInstance(128, 1));
            ctx.setAMContainerSpec(ContainerLaunchContext.newInstance(Map.of(), Map.of(),
                    List.of("touch " + marker + " 1><LOG_DIR>/stdout 2><LOG_DIR>/stderr"), null, null, null));

            long t0 = System.nanoTime();
            yarn.submitApplication(ctx);
            Eventually.waitFor("an AM container for " + appId, Duration.ofSeconds(30),
                    () -> amContainerAllocated(yarn, appId));
            long allocatedMs = (System.nanoTime() - t0) / 1_000_000;
            Eventually.waitFor("the AM command of " + appId + " to run", Duration.ofSeconds(30),
                    () -> Files.exists(marker));
            long ranMs = (System.nanoTime() - t0) / 1_000_000;
            Eventually.waitFor(appId + " to reach a final state", Duration.ofSeconds(30), () -> {
                YarnApplicationState s = report(yarn, appId).getYarnApplicationState();
                return EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED,
                        YarnApplicationState.KILLED).contains(s);
            });
            long finalMs = (System.nanoTime() - t0) / 1_000_000;
            ApplicationReport report = report(yarn, appId);
            LOG.info("Submission latency of {}: AM container allocated after {} ms, command ran after {} ms, "
                    + "final state {} after {} ms", appId, allocatedMs, ranMs, report.getYarnApplicationState(),
                    finalMs);
            // It never registered, so its single attempt fails; the container itself exited 0.
            assertThat(report.getYarnApplicationState()).isEqualTo(YarnApplicationState.FAILED);
            assertThat(report.getDiagnostics()).contains("exitCode: 0");
            assertThat(allocatedMs).as("submit -> AM container allocated (ms)").isLessThan(5_000);
            assertThat(ranMs).as("submit -> AM command ran (ms)").isLessThan(10_000);
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    /** The leak check of the extension sees a live application and its container, and clears once killed. */
    @Test
    void theLeakCheckSeesALiveApplicationUntilItIsKilled() throws Exception {
        try (YarnClient yarn = yarnClient(cluster.clientConfiguration())) {
            ApplicationSubmissionContext ctx = yarn.createApplication().getApplicationSubmissionContext();
            ApplicationId appId = ctx.getApplicationId();
            ctx.setApplicationName("spindle-smoke-leak");
            ctx.setQueue("default");
            ctx.setMaxAppAttempts(1);
            ctx.setResource(Resource.newInstance(128, 1));
            ctx.setAMContainerSpec(ContainerLaunchContext.newInstance(Map.of(), Map.of(),
                    List.of("sleep 120 1><LOG_DIR>/stdout 2><LOG_DIR>/stderr"), null, null, null));
            yarn.submitApplication(ctx);
            try {
                Eventually.waitFor("the leak check to report " + appId + " and its running container",
                        Duration.ofSeconds(30), () -> {
                            List<String> leaks = MiniClusterExtension.leaks(cluster);
                            String containerPrefix = appId.toString().replace("application_", "container_");
                            // Not registered, so the application stays ACCEPTED while its AM process runs.
                            return leaks.contains("application " + appId + " is ACCEPTED (spindle-smoke-leak)")
                                    && leaks.stream().anyMatch(l -> l.startsWith("container " + containerPrefix)
                                    && l.contains(" is RUNNING on NodeManager "));
                        });
            } finally {
                yarn.killApplication(appId);
            }
            Eventually.waitFor(appId + " to be KILLED", Duration.ofSeconds(30),
                    () -> report(yarn, appId).getYarnApplicationState() == YarnApplicationState.KILLED);
            Eventually.waitFor("no leak after killing " + appId, MiniClusterExtension.LEAK_TIMEOUT,
                    () -> MiniClusterExtension.leaks(cluster).isEmpty());
        }
    }

    private static boolean amContainerAllocated(YarnClient yarn, ApplicationId appId) {
        ApplicationReport r = report(yarn, appId);
        if (r.getCurrentApplicationAttemptId() == null) {
            return false;
        }
        try {
            ApplicationAttemptReport a = yarn.getApplicationAttemptReport(r.getCurrentApplicationAttemptId());
            return a.getAMContainerId() != null;
        } catch (YarnException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplicationReport report(YarnClient yarn, ApplicationId appId) {
        try {
            return yarn.getApplicationReport(appId);
        } catch (YarnException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static YarnClient yarnClient(Configuration conf) {
        YarnClient client = YarnClient.createYarnClient();
        client.init(conf);
        client.start();
        return client;
    }

}
