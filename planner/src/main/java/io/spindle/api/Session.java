package io.spindle.api;

import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.ExecutionBackendFactory;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.hadoop.conf.Configuration;

/**
 * The entry point of a Spindle job: holds its configuration and the backend that runs its tasks.
 *
 * <pre>{@code
 * try (Session session = Session.builder().appName("nightly").getOrCreate()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Configuration precedence, lowest to highest: {@code spindle-defaults.conf}, the submission's
 * {@code --conf k=v}, then {@link Builder#config} in the job's code. Under
 * {@code bin/spindle submit} the first two layers arrive through {@link #submittedConf}.
 */
public final class Session implements AutoCloseable {

    private static final Object LOCK = new Object();
    private static Session active;
    /** Set by the launcher (submission client or ApplicationMaster) before the job's main runs. */
    private static volatile SpindleConf submittedConf;

    private final SpindleConf conf;
    private final ExecutionBackend backend;
    private volatile boolean closed;
    private volatile EngineSettings engineSettings;
    private final io.spindle.plan.analysis.Analyzer analyzer = new io.spindle.plan.analysis.Analyzer();
    private final TableLookup tables = new TableLookup(this::catalog);
    private final SessionRuntime runtime = new SessionRuntime(this);
    private TableCatalog tableCatalog;
    private CacheManager cacheManager;

    private Session(SpindleConf conf, ExecutionBackend backend) {
        this.conf = conf;
        this.engineSettings = EngineSettings.from(conf);
        this.backend = backend;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The session the current process has open, if any. */
    public static Optional<Session> active() {
        synchronized (LOCK) {
            return Optional.ofNullable(active);
        }
    }

    /**
     * Installs the configuration layers that come from outside the job's code (defaults file and
     * command line). Called by launchers, not by jobs.
     */
    public static void submittedConf(SpindleConf conf) {
        submittedConf = conf;
    }

    public SpindleConf conf() {
        return conf;
    }

    public String applicationId() {
        return backend.applicationId();
    }

    /** A fresh Hadoop configuration: the environment's cluster settings plus {@code spindle.hadoop.*}. */
    public Configuration hadoopConf() {
        return io.spindle.formats.fs.HadoopConfigurations.forJob(conf.hadoopOverrides());
    }

    public int defaultParallelism() {
        return backend.defaultParallelism();
    }

    /**
     * Runs one stage of tasks on the executors and returns the results in task order. This is the
     * low-level entry the engine builds on; jobs usually go through higher-level APIs.
     */
    public <R extends Serializable> List<R> runTasks(String stageName, List<? extends Task<R>> tasks) {
        ensureOpen();
        return backend.runStage(stageName, tasks);
    }

    public List<StageSummary> stageSummaries() {
        return backend.stageSummaries();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the executors. Further use of this session fails. */
    public void stop() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            if (active == this) {
                active = null;
            }
        }
        try {
            backend.close();
        } finally {
            runtime.deleteShuffleFiles();
            closeCatalog();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This Session was stopped; create a new one with Session.builder()");
        }
    }

    // ---- Dataset API -------------------------------------------------------------------------

    /**
     * A temp view of this session, or else a metastore table ({@link #catalog()}): {@code t} in the
     * current database, {@code db.t}, back-quoted parts ({@code `my-db`.t}). An unknown table fails
     * with the closest names.
     */
    public Dataset table(String name) {
        ensureOpen();
        return new Dataset(this, tables.resolve(name));
    }

    /** Replaces the metastore as the catalog asked after the temp views (for catalogs other than Hive's). */
    public void setCatalog(io.spindle.plan.catalog.Catalog catalog) {
        tables.plug(catalog);
    }

    /** The session's metastore tables and databases; the metastore is connected on first use. */
    public synchronized TableCatalog catalog() {
        ensureOpen();
        if (tableCatalog == null) {
            tableCatalog = new TableCatalog(this);
        }
        return tableCatalog;
    }

    io.spindle.plan.catalog.TempViews tempViews() {
        return tables.tempViews();
    }

    /** Reads files as a Dataset: {@code session.read().parquet("/data/events")}. */
    public DataFrameReader read() {
        ensureOpen();
        return new DataFrameReader(this);
    }

    /** A Dataset of the given rows (Java values as {@link Row} documents) with this schema. */
    public Dataset createDataset(List<Row> rows, io.spindle.formats.types.Schema schema) {
        List<io.spindle.plan.expr.ColumnRef> output = new java.util.ArrayList<>();
        for (io.spindle.formats.types.Field field : schema.fields()) {
            output.add(io.spindle.plan.expr.ColumnRef.create(field.name(), field.type(), field.nullable()));
        }
        List<List<Object>> values = new java.util.ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.size() != schema.size()) {
                throw new IllegalArgumentException("Row " + row + " has " + row.size() + " values but " + schema
                        + " has " + schema.size() + " columns");
            }
            values.add(row.toList());
        }
        return new Dataset(this, io.spindle.plan.logical.LocalRelation.create(output, values));
    }

    /** The longs 0 to n - 1 in a column named {@code id}. */
    public Dataset range(long n) {
        return range(0, n);
    }

    public Dataset range(long start, long end) {
        return range(start, end, 1, 0);
    }

    /** @param partitions number of partitions, 0 for {@link #defaultParallelism()} */
    public Dataset range(long start, long end, long step, int partitions) {
        return new Dataset(this, io.spindle.plan.logical.Range.create(start, end, step, partitions));
    }

    // ---- Rdd API -----------------------------------------------------------------------------

    /** The driver side of this session's Rdds: where they come from and what runs their jobs. */
    public io.spindle.rdd.RddContext rddContext() {
        ensureOpen();
        return runtime.rddContext();
    }

    /** The list as an Rdd of {@link #defaultParallelism()} slices. */
    public <T> Rdd<T> parallelize(List<T> data) {
        return parallelize(data, defaultParallelism());
    }

    public <T> Rdd<T> parallelize(List<T> data, int slices) {
        return rddContext().parallelize(data, slices);
    }

    /** The lines of the files under {@code path} (a file or a directory, read recursively). */
    public Rdd<String> textFile(String path) {
        return textFile(path, defaultParallelism());
    }

    public Rdd<String> textFile(String path, int minPartitions) {
        return rddContext().textFile(path, minPartitions);
    }

    /**
     * A Dataset of an Rdd's rows with this schema. The rows do not pass through the driver: each
     * task of the Dataset's first stage computes its partition of the Rdd from its lineage.
     */
    public Dataset createDataset(Rdd<Row> rdd, io.spindle.formats.types.Schema schema) {
        List<io.spindle.plan.expr.ColumnRef> output = new java.util.ArrayList<>();
        for (io.spindle.formats.types.Field field : schema.fields()) {
            output.add(io.spindle.plan.expr.ColumnRef.create(field.name(), field.type(), field.nullable()));
        }
        return new Dataset(this, io.spindle.plan.logical.RowsRelation.create(output, new RddRows(rdd, schema)));
    }

    public EngineSettings engineSettings() {
        return engineSettings;
    }

    /** Replaces the engine settings that have no configuration key yet (see {@link EngineSettings}). */
    public void setEngineSettings(EngineSettings settings) {
        this.engineSettings = Objects.requireNonNull(settings, "settings");
    }

    synchronized CacheManager cacheManager() {
        if (cacheManager == null) {
            cacheManager = new CacheManager(this);
        }
        return cacheManager;
    }

    io.spindle.plan.analysis.Analyzer analyzer() {
        return analyzer;
    }

    /**
     * What the file scans of the most recent query (action or write) of this session read: row
     * groups / stripes read and skipped, column chunks, bytes, rows, files opened, and the CSV /
     * JSON records dropped as malformed. With several queries running at once, the latest started.
     */
    public io.spindle.formats.ReadMetrics lastScanMetrics() {
        return runtime.lastScanMetrics();
    }

    /** Runs stage graphs of this session's queries on its backend. */
    io.spindle.plan.stage.StageScheduler stageScheduler() {
        ensureOpen();
        return runtime.stageScheduler();
    }

    /** This application's shuffle directory, created on first use and deleted when the session stops. */
    public String shuffleRoot() {
        return runtime.shuffleRoot();
    }

    private synchronized void closeCatalog() {
        if (tableCatalog != null) {
            tableCatalog.close();
        }
    }

    /** Builds or returns the process's session; settings made here take the highest precedence. */
    public static final class Builder {
        private final Map<String, String> code = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder appName(String name) {
            return config(SpindleKeys.APP_NAME.name(), name);
        }

        /** {@code local[N]}, {@code local[*]} or {@code yarn}. */
        public Builder master(String master) {
            return config(SpindleKeys.MASTER.name(), master);
        }

        public Builder config(String key, String value) {
            code.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        public Builder config(String key, boolean value) {
            return config(key, Boolean.toString(value));
        }

        /**
         * Returns the active session if there is one (settings given here then must not conflict
         * with it), otherwise creates one and starts its backend.
         */
        public Session getOrCreate() {
            synchronized (LOCK) {
                if (active != null) {
                    return active;
                }
                SpindleConf base = submittedConf != null
                        ? submittedConf
                        : ConfigLoader.load(ConfigLoader.locateDefaultsFile(), Map.of(), Map.of());
                SpindleConf conf = base.withAll(code);
                Session session = new Session(conf, createBackend(conf));
                active = session;
                return session;
            }
        }

        private static ExecutionBackend createBackend(SpindleConf conf) {
            String master = conf.get(SpindleKeys.MASTER);
            for (ExecutionBackendFactory factory : ServiceLoader.load(ExecutionBackendFactory.class)) {
                if (factory.accepts(master)) {
                    return factory.create(conf);
                }
            }
            throw new io.spindle.conf.ConfigException("No backend for spindle.master='" + master
                    + "'. Use local[N], local[*] or yarn (yarn needs bin/spindle submit --master yarn).");
        }
    }
}
