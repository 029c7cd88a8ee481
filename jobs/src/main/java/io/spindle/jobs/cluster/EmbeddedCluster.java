package io.spindle.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf.ConfVars;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in one process: a {@link MiniDFSCluster}, a {@link MiniYARNCluster} and a Hive
 * Metastore served over Thrift on 127.0.0.1, with Derby under {@link Options#baseDir()} and the
 * warehouse on the cluster's HDFS. Used by {@code bin/spindle demo} and by the integration tests.
 *
 * <p>Containers launched on the YARN cluster are real JVMs ({@code DefaultContainerExecutor}); they
 * inherit nothing from this process. {@link #clientConfigDir()} holds the live cluster's
 * configuration as {@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml},
 * {@code mapred-site.xml} and {@code hive-site.xml}, ready to be shipped with an application (like
 * {@code HADOOP_CONF_DIR}).
 *
 * <p>The Hive Metastore server keeps its state in static fields, so at most one embedded cluster
 * with a metastore can run per JVM at a time.
 *
 * <p>Layout under the base dir: {@code dfs/} (NameNode and DataNode storage), {@code yarn/}
 * (NodeManager local and log dirs), {@code metastore/} (Derby database and {@code derby.log}),
 * {@code conf/} (the client configuration).
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);

    /** Guards JVM-global state touched while starting (system properties, the static metastore). */
    private static final Object START_LOCK = new Object();

    private static final long NM_CONNECT_TIMEOUT_MS = 60_000;
    private static final long STOP_STEP_TIMEOUT_MS = 60_000;

    private final Options options;
    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final EmbeddedMetastore metastore; // null when Options.withMetastore(false)
    private final Path clientConfigDir;
    private final Configuration clientConf; // never handed out; copies are
    private final FileSystem fileSystem;
    private final Object closeLock = new Object();
    private boolean closed;

    private EmbeddedCluster(Options options, MiniDFSCluster dfs, MiniYARNCluster yarn, EmbeddedMetastore metastore,
                            Path clientConfigDir, Configuration clientConf, FileSystem fileSystem) {
        this.options = options;
        this.dfs = dfs;
        this.yarn = yarn;
        this.metastore = metastore;
        this.clientConfigDir = clientConfigDir;
        this.clientConf = clientConf;
        this.fileSystem = fileSystem;
    }

    /** Starts a cluster with the default {@link Options} under {@code baseDir}. */
    public static EmbeddedCluster start(Path baseDir) throws IOException {
        return start(Options.of(baseDir));
    }

    /** Starts a cluster: HDFS, then YARN, then (optionally) the metastore. Fails fast and cleans up on error. */
    public static EmbeddedCluster start(Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        synchronized (START_LOCK) {
            return doStart(options);
        }
    }

    private static EmbeddedCluster doStart(Options options) throws IOException {
        Path baseDir = options.baseDir().toAbsolutePath().normalize();
        Files.createDirectories(baseDir);
        long t0 = System.nanoTime();
        LOG.info("Starting embedded cluster under {} ({} datanodes, {} nodemanagers x {} MB / {} vcores, metastore: {})",
                baseDir, options.dataNodes(), options.nodeManagers(), options.nmMemoryMb(), options.nmVcores(),
                options.withMetastore());

        DaemonLogging.quietWebLayers();
        MiniDFSCluster dfs = null;
        MiniYARNCluster yarn = null;
        EmbeddedMetastore metastore = null;
        try {
            // ---- HDFS
            long t = System.nanoTime();
            Configuration dfsConf = new Configuration();
            dfsConf.setInt("dfs.replication", Math.min(2, options.dataNodes()));
            // With only two datanodes a pipeline cannot always find a replacement for a failed one;
            // keep writing to the survivor instead of failing the write (fault-injection tests kill DNs).
            dfsConf.setBoolean("dfs.client.block.write.replace-datanode-on-failure.best-effort", true);
            ClusterConfigs.applyOverrides(dfsConf, options.overrides(), k -> !k.startsWith("yarn."));
            Path dfsDir = baseDir.resolve("dfs");
            Files.createDirectories(dfsDir);
            dfs = new MiniDFSCluster.Builder(dfsConf, dfsDir.toFile())
                    .numDataNodes(options.dataNodes())
                    .format(true)
                    .build();
            dfs.waitClusterUp();
            dfs.waitActive();
            LOG.info("MiniDFSCluster started in {} ms: {} ({} datanodes)", ms(t), dfs.getURI(), dfs.getDataNodes().size());

            // ---- YARN
            t = System.nanoTime();
            YarnConfiguration yarnConf = new YarnConfiguration(dfs.getConfiguration(0));
            ClusterConfigs.configureYarn(yarnConf, options);
            ClusterConfigs.applyOverrides(yarnConf, options.overrides(), k -> true);
            yarn = ClusterConfigs.newMiniYarnCluster(baseDir.resolve("yarn"), options.nodeManagers());
            yarn.init(yarnConf);
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(NM_CONNECT_TIMEOUT_MS)) {
                throw new IOException("NodeManagers did not register with the ResourceManager within "
                        + NM_CONNECT_TIMEOUT_MS + " ms");
            }
            LOG.info("MiniYARNCluster started in {} ms: RM {} (scheduler {}), {} NodeManagers", ms(t),
                    yarn.getConfig().get(YarnConfiguration.RM_ADDRESS),
                    yarn.getConfig().get(YarnConfiguration.RM_SCHEDULER_ADDRESS), options.nodeManagers());

            // ---- client configuration (yarn.getConfig() now carries the bound RM ports)
            Configuration clientConf = new YarnConfiguration(yarn.getConfig());
            // The mini clusters resolve racks with StaticMapping, a class of the minicluster jar that
            // containers do not have: clients and containers use Hadoop's default resolver.
            clientConf.unset(CommonConfigurationKeysPublic.NET_TOPOLOGY_NODE_SWITCH_MAPPING_IMPL_KEY);
            FileSystem fs = dfs.getFileSystem();

            // ---- Hive Metastore
            if (options.withMetastore()) {
                t = System.nanoTime();
                metastore = EmbeddedMetastore.start(baseDir.resolve("metastore"), clientConf);
                LOG.info("Hive Metastore started in {} ms: {} (warehouse {})", ms(t), metastore.uri,
                        metastore.warehouse);
                MetastoreConf.setVar(clientConf, ConfVars.THRIFT_URIS, metastore.uri);
                clientConf.set("hive.metastore.uris", metastore.uri);
                MetastoreConf.setVar(clientConf, ConfVars.WAREHOUSE, metastore.warehouse);
                MetastoreConf.setVar(clientConf, ConfVars.WAREHOUSE_EXTERNAL, metastore.externalWarehouse);
            }

            Path confDir = baseDir.resolve("conf");
            ClusterConfigs.writeClientConfig(clientConf, confDir, metastore != null);
            LOG.info("Embedded cluster up in {} ms; client configuration in {}", ms(t0), confDir);
            return new EmbeddedCluster(options, dfs, yarn, metastore, confDir, clientConf, fs);
        } catch (Throwable e) {
            LOG.error("Embedded cluster failed to start; stopping what was started", e);
            stopAll(metastore, yarn, dfs);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IOException("Embedded cluster failed to start: " + e, e);
        }
    }

    // ------------------------------------------------------------------ accessors

    /** A fresh copy of everything a client needs: fs.defaultFS, RM addresses, metastore URI, ... */
    public Configuration clientConfiguration() {
        return new YarnConfiguration(clientConf);
    }

    /** A directory with core-, hdfs-, yarn- and mapred-site.xml (and hive-site.xml) of the live cluster. */
    public Path clientConfigDir() {
        return clientConfigDir;
    }

    /** {@code thrift://127.0.0.1:<port>}. */
    public String metastoreUri() {
        if (metastore == null) {
            throw new IllegalStateException("this cluster was started without a metastore");
        }
        return metastore.uri;
    }

    public FileSystem fileSystem() {
        return fileSystem;
    }

    public MiniYARNCluster yarn() {
        return yarn;
    }

    public MiniDFSCluster dfs() {
        return dfs;
    }

    public Options options() {
        return options;
    }

    // ------------------------------------------------------------------ stop

    /** Stops the metastore, YARN and HDFS, each within a bounded time. Idempotent. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long t0 = System.nanoTime();
        LOG.info("Stopping embedded cluster under {}", options.baseDir());
        Map<String, Level> levels = DaemonLogging.quietDaemonLoggers();
        try {
            stopAll(metastore, yarn, dfs);
        } finally {
            Configurator.setLevel(levels);
        }
        LOG.info("Embedded cluster stopped in {} ms; peak RSS of this JVM: {}", ms(t0), peakRss());
    }

    private static void stopAll(EmbeddedMetastore metastore, MiniYARNCluster yarn, MiniDFSCluster dfs) {
        if (metastore != null) {
            bounded("Hive Metastore", metastore::stop);
        }
        if (yarn != null) {
            bounded("MiniYARNCluster", yarn::stop);
        }
        if (dfs != null) {
            bounded("MiniDFSCluster", () -> dfs.shutdown(true));
        }
    }

    /** Runs {@code step} on a daemon thread and waits at most {@link #STOP_STEP_TIMEOUT_MS}. */
    private static void bounded(String what, Runnable step) {
        long t = System.nanoTime();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                step.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "spindle-stop-" + what);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(STOP_STEP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {} ms; leaving it behind", what, STOP_STEP_TIMEOUT_MS);
        } else if (failure.get() != null) {
            LOG.warn("{} failed to stop cleanly", what, failure.get());
        } else {
            LOG.info("{} stopped in {} ms", what, ms(t));
        }
    }

    /** Peak resident set size of this JVM (VmHWM), or "unknown" off Linux. */
    public static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring("VmHWM:".length()).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static long ms(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Cluster options. Immutable: every setter returns a modified copy.
     * Defaults: 2 datanodes, 2 nodemanagers of 4096 MB and 4 vcores each, with a metastore.
     */
    public static final class Options {
        private final Path baseDir;
        private final int nodeManagers;
        private final int dataNodes;
        private final int nmMemoryMb;
        private final int nmVcores;
        private final boolean withMetastore;
        private final Map<String, String> overrides;

        private Options(Path baseDir, int nodeManagers, int dataNodes, int nmMemoryMb, int nmVcores,
                        boolean withMetastore, Map<String, String> overrides) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
            if (nodeManagers < 1 || dataNodes < 1 || nmMemoryMb < 128 || nmVcores < 1) {
                throw new IllegalArgumentException("need >= 1 nodemanager, >= 1 datanode, >= 128 MB, >= 1 vcore");
            }
            this.nodeManagers = nodeManagers;
            this.dataNodes = dataNodes;
            this.nmMemoryMb = nmMemoryMb;
            this.nmVcores = nmVcores;
            this.withMetastore = withMetastore;
            this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        }

        public static Options of(Path baseDir) {
            return new Options(baseDir, 2, 2, 4096, 4, true, Map.of());
        }

        public Options baseDir(Path dir) {
            return new Options(dir, nodeManagers, dataNodes, nmMemoryMb, nmVcores, withMetastore, overrides);
        }

        public Options nodeManagers(int n) {
            return new Options(baseDir, n, dataNodes, nmMemoryMb, nmVcores, withMetastore, overrides);
        }

        public Options dataNodes(int n) {
            return new Options(baseDir, nodeManagers, n, nmMemoryMb, nmVcores, withMetastore, overrides);
        }

        public Options nmMemoryMb(int mb) {
            return new Options(baseDir, nodeManagers, dataNodes, mb, nmVcores, withMetastore, overrides);
        }

        public Options nmVcores(int vcores) {
            return new Options(baseDir, nodeManagers, dataNodes, nmMemoryMb, vcores, withMetastore, overrides);
        }

        public Options withMetastore(boolean on) {
            return new Options(baseDir, nodeManagers, dataNodes, nmMemoryMb, nmVcores, on, overrides);
        }

        /**
         * An extra Hadoop setting applied last (after the defaults of this class): {@code dfs.*} and
         * other non-{@code yarn.*} keys go to HDFS and YARN, {@code yarn.*} keys to YARN only.
         */
        public Options set(String key, String value) {
            Map<String, String> m = new LinkedHashMap<>(overrides);
            m.put(key, value);
            return new Options(baseDir, nodeManagers, dataNodes, nmMemoryMb, nmVcores, withMetastore, m);
        }

        public Path baseDir() {
            return baseDir;
        }

        public int nodeManagers() {
            return nodeManagers;
        }

        public int dataNodes() {
            return dataNodes;
        }

        public int nmMemoryMb() {
            return nmMemoryMb;
        }

        public int nmVcores() {
            return nmVcores;
        }

        public boolean withMetastore() {
            return withMetastore;
        }

        public Map<String, String> overrides() {
            return overrides;
        }

        @Override
        public String toString() {
            return "Options{baseDir=" + baseDir + ", nodeManagers=" + nodeManagers + ", dataNodes=" + dataNodes
                    + ", nmMemoryMb=" + nmMemoryMb + ", nmVcores=" + nmVcores + ", withMetastore=" + withMetastore
                    + ", overrides=" + overrides + "}";
        }
    }
}
