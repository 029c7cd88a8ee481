package io.spindle.conf;

import static io.spindle.conf.ConfigKey.booleanKey;
import static io.spindle.conf.ConfigKey.dataSizeKey;
import static io.spindle.conf.ConfigKey.doubleKey;
import static io.spindle.conf.ConfigKey.durationKey;
import static io.spindle.conf.ConfigKey.intKey;
import static io.spindle.conf.ConfigKey.stringKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every {@code spindle.*} configuration key, defined once. {@code conf/spindle-defaults.conf} is
 * generated from this class by {@link ConfigDocs}, in this order and with these sections.
 * To add a key: define it here, run {@code ConfigDocs}, and extend {@code SpindleKeysTest}.
 *
 * <p>A constant is named after its key without the {@code spindle.} prefix, in upper snake case:
 * {@code spindle.executor.memoryOverhead} is {@code EXECUTOR_MEMORY_OVERHEAD}. A test holds
 * every constant to that rule so that names can be guessed from the key.
 */
public final class SpindleKeys {
    /** Every Spindle key starts with this. */
    public static final String PREFIX = "spindle.";
    /** {@code spindle.hadoop.fs.defaultFS=x} sets the Hadoop property {@code fs.defaultFS=x}. */
    public static final String HADOOP_PREFIX = "spindle.hadoop.";

    // Filled in definition order by define(); must be declared before the keys.
    private static final List<ConfigKey<?>> DEFINED = new ArrayList<>();
    private static final Map<String, String> SECTIONS = new HashMap<>();

    private static final String APPLICATION = "Application";
    private static final String YARN = "YARN";
    private static final String DRIVER = "ApplicationMaster (the driver)";
    private static final String EXECUTORS = "Executors";
    private static final String SCHEDULING = "Scheduling";
    private static final String STORAGE = "Input and local storage";
    private static final String FORMATS = "File formats";
    private static final String ENGINE = "Query engine";
    private static final String METASTORE = "Hive Metastore";

    private static final Pattern MASTER_FORM = Pattern.compile("local|local\\[(\\*|[1-9][0-9]*)]|yarn");
    private static final String POSITIVE = "positive";

    public static final ConfigKey<String> APP_NAME = define(APPLICATION,
            stringKey("spindle.app.name", "spindle-app", "Application name shown in YARN and on the status page.")
                    .requiring(name -> !name.isBlank(), "non-empty"));
    public static final ConfigKey<String> MASTER = define(APPLICATION,
            stringKey("spindle.master", "local[*]", "Where tasks run: local (one thread), local[N] (N threads in this JVM), "
                    + "local[*] (one thread per core) or yarn (executors in YARN containers).")
                    .requiring(master -> MASTER_FORM.matcher(master).matches(), "local, local[N], local[*] or yarn"));
    public static final ConfigKey<Boolean> SUBMIT_WAIT_FOR_COMPLETION = define(APPLICATION,
            booleanKey("spindle.submit.waitForCompletion", true, "Whether the client follows the application "
                    + "to its end and reports its final status; false returns once YARN has accepted it."));

    public static final ConfigKey<String> YARN_QUEUE = define(YARN,
            stringKey("spindle.yarn.queue", "default", "YARN queue to submit the application to.")
                    .requiring(queue -> !queue.isBlank(), "non-empty"));
    public static final ConfigKey<String> YARN_STAGING_DIR = define(YARN,
            stringKey("spindle.yarn.stagingDir", "", "Directory where the client uploads the application's "
                    + "jars and files, one subdirectory per application. Empty means "
                    + "<filesystem home>/.spindle-staging."));
    public static final ConfigKey<Boolean> YARN_JAR_CACHE = define(YARN,
            booleanKey("spindle.yarn.jarCache", true, "Upload Spindle's own jars once per version to "
                    + "<stagingDir>/.jar-cache/ and let NodeManagers keep them localized across applications "
                    + "(a PRIVATE LocalResource), instead of uploading and localizing ~150 MB for every "
                    + "application. The application jar always goes to the per-application directory."));
    public static final ConfigKey<Integer> YARN_MAX_APP_ATTEMPTS = define(YARN,
            intKey("spindle.yarn.maxAppAttempts", 1, "ApplicationMaster attempts YARN makes before the "
                    + "application fails. Capped by the cluster's yarn.resourcemanager.am.max-attempts.")
                    .requiring(attempts -> attempts >= 1, "at least 1"));
    public static final ConfigKey<Duration> YARN_REPORT_INTERVAL = define(YARN,
            durationKey("spindle.yarn.reportInterval", "1s", "How often the client polls the ResourceManager "
                    + "for the application's state.")
                    .requiring(interval -> !interval.isZero(), POSITIVE));
    public static final ConfigKey<Duration> YARN_SUBMIT_TIMEOUT = define(YARN,
            durationKey("spindle.yarn.submitTimeout", "10m", "How long the client waits for a submitted "
                    + "application to be accepted and started before it gives up. "
                    + "0 waits forever."));

    public static final ConfigKey<DataSize> AM_MEMORY = define(DRIVER,
            dataSizeKey("spindle.am.memory", "1g", "Heap of the ApplicationMaster, which runs the driver.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<Integer> AM_CORES = define(DRIVER,
            intKey("spindle.am.cores", 1, "Virtual cores requested for the ApplicationMaster container.")
                    .requiring(cores -> cores >= 1, "at least 1"));
    public static final ConfigKey<String> AM_JAVA_OPTIONS = define(DRIVER,
            stringKey("spindle.am.javaOptions", "", "Extra JVM options for the ApplicationMaster, e.g. "
                    + "-XX:+UseG1GC. Set the heap with spindle.am.memory, not -Xmx."));
    public static final ConfigKey<DataSize> DRIVER_MAX_RESULT_SIZE = define(DRIVER,
            dataSizeKey("spindle.driver.maxResultSize", "1g", "Largest result collect() brings back to the "
                    + "driver; a larger result fails the action instead of the driver running out of memory.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<Integer> RPC_PORT = define(DRIVER,
            intKey("spindle.rpc.port", 0, "Port of the driver's RPC server that executors connect to. "
                    + "0 picks any free port.")
                    .requiring(SpindleKeys::isPort, "from 0 to 65535"));
    public static final ConfigKey<Integer> STATUS_PORT = define(DRIVER,
            intKey("spindle.status.port", 0, "Port of the ApplicationMaster's HTTP status endpoint. "
                    + "0 picks any free port.")
                    .requiring(SpindleKeys::isPort, "from 0 to 65535"));

    public static final ConfigKey<Integer> EXECUTOR_INSTANCES = define(EXECUTORS,
            intKey("spindle.executor.instances", 2, "Number of executor containers to run.")
                    .requiring(instances -> instances >= 1, "at least 1"));
    public static final ConfigKey<Integer> EXECUTOR_CORES = define(EXECUTORS,
            intKey("spindle.executor.cores", 1, "Virtual cores per executor; also the number of tasks an "
                    + "executor runs at once.")
                    .requiring(cores -> cores >= 1, "at least 1"));
    public static final ConfigKey<DataSize> EXECUTOR_MEMORY = define(EXECUTORS,
            dataSizeKey("spindle.executor.memory", "1g", "Heap of each executor (-Xmx).")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<DataSize> EXECUTOR_MEMORY_OVERHEAD = define(EXECUTORS,
            dataSizeKey("spindle.executor.memoryOverhead", "384m", "Memory requested from YARN on top of the "
                    + "heap for off-heap buffers, thread stacks and metaspace. Raise it when YARN kills "
                    + "executors for exceeding physical memory."));
    public static final ConfigKey<Integer> EXECUTOR_MAX_FAILURES = define(EXECUTORS,
            intKey("spindle.executor.maxFailures", 6, "Executor containers that may fail before the "
                    + "application fails. Containers lost to preemption are not counted.")
                    .requiring(failures -> failures >= 0, "at least 0"));
    public static final ConfigKey<Duration> EXECUTOR_HEARTBEAT_INTERVAL = define(EXECUTORS,
            durationKey("spindle.executor.heartbeatInterval", "3s", "How often an executor reports to the "
                    + "driver that it is alive.")
                    .requiring(interval -> !interval.isZero(), POSITIVE));
    public static final ConfigKey<Duration> EXECUTOR_HEARTBEAT_TIMEOUT = define(EXECUTORS,
            durationKey("spindle.executor.heartbeatTimeout", "60s", "How long the driver waits without a "
                    + "heartbeat before it declares an executor lost and reruns its tasks. Keep it well "
                    + "above spindle.executor.heartbeatInterval.")
                    .requiring(timeout -> !timeout.isZero(), POSITIVE));
    public static final ConfigKey<String> EXECUTOR_JAVA_OPTIONS = define(EXECUTORS,
            stringKey("spindle.executor.javaOptions", "", "Extra JVM options for executors, e.g. "
                    + "-XX:+UseG1GC. Set the heap with spindle.executor.memory, not -Xmx."));

    public static final ConfigKey<Integer> TASK_MAX_ATTEMPTS = define(SCHEDULING,
            intKey("spindle.task.maxAttempts", 4, "Attempts per task before the task's stage, and the job, "
                    + "fails.")
                    .requiring(attempts -> attempts >= 1, "at least 1"));
    public static final ConfigKey<Boolean> LOCALITY_PREFERRED_HOSTS = define(SCHEDULING,
            booleanKey("spindle.locality.preferredHosts", true, "Whether container requests and task "
                    + "placement prefer the HDFS hosts of the input, so tasks read local blocks."));

    public static final ConfigKey<DataSize> FILES_MAX_PARTITION_BYTES = define(STORAGE,
            dataSizeKey("spindle.files.maxPartitionBytes", "128m", "Target size of an input split: files are "
                    + "cut into, or packed into, partitions of about this size.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<DataSize> FILES_OPEN_COST_BYTES = define(STORAGE,
            dataSizeKey("spindle.files.openCostBytes", "4m", "What opening a file costs, expressed as bytes "
                    + "that could have been read instead; small files are packed into one split up to the "
                    + "target counting this much per file.")
                    .requiring(size -> size.bytes() >= 0, "not negative"));
    public static final ConfigKey<String> LOCAL_DIR = define(STORAGE,
            stringKey("spindle.local.dir", "", "Local scratch directory for spill files. Empty means "
                    + "java.io.tmpdir."));
    public static final ConfigKey<Integer> READ_BATCH_SIZE = define(FORMATS,
            intKey("spindle.read.batchSize", 4096, "Rows per column batch that file readers produce. Larger "
                    + "batches amortize per-batch overhead; smaller ones use less memory per task.")
                    .requiring(rows -> rows >= 1, "at least 1"));
    public static final ConfigKey<String> PARQUET_COMPRESSION = define(FORMATS,
            stringKey("spindle.parquet.compression", "snappy", "Compression codec of Parquet files Spindle "
                    + "writes: none, snappy, gzip or zstd.")
                    .requiring(codec -> codec.matches("(?i)none|uncompressed|snappy|gzip|zstd"),
                            "one of none, snappy, gzip, zstd"));
    public static final ConfigKey<DataSize> PARQUET_ROW_GROUP_SIZE = define(FORMATS,
            dataSizeKey("spindle.parquet.rowGroupSize", "128m", "Target size of a Parquet row group. Readers "
                    + "skip whole row groups by their statistics, so smaller groups skip more finely.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<DataSize> PARQUET_PAGE_SIZE = define(FORMATS,
            dataSizeKey("spindle.parquet.pageSize", "1m", "Target size of a Parquet data page.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<Boolean> PARQUET_DICTIONARY = define(FORMATS,
            booleanKey("spindle.parquet.dictionary", true, "Whether Parquet files Spindle writes use "
                    + "dictionary encoding where it pays off."));
    public static final ConfigKey<DataSize> WRITE_TARGET_FILE_SIZE = define(FORMATS,
            dataSizeKey("spindle.write.targetFileSize", "512m", "Target size of a file a write task "
                    + "produces; a task writing more to one partition starts a new file past it.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<Integer> WRITE_MAX_OPEN_FILES = define(FORMATS,
            intKey("spindle.write.maxOpenFiles", 16, "Files a write task keeps open at once when writing "
                    + "many partitions; the least recently used is finished to open another.")
                    .requiring(files -> files >= 1, "at least 1"));
    public static final ConfigKey<String> WRITE_PARTITION_OVERWRITE_MODE = define(FORMATS,
            stringKey("spindle.write.partitionOverwriteMode", "static", "What mode overwrite replaces in a "
                    + "partitioned output: static (everything) or dynamic (only the partitions the data "
                    + "has rows for). The write option partitionOverwriteMode takes precedence.")
                    .requiring(mode -> mode.equals("static") || mode.equals("dynamic"), "static or dynamic"));
    public static final ConfigKey<String> OPTIMIZER_EXCLUDED_RULES = define(ENGINE,
            stringKey("spindle.optimizer.excludedRules", "", "Optimizer rules to switch off, by class name, "
                    + "comma-separated (e.g. PushFilterIntoScan,PruneColumns). Every rule is on by default; an unknown "
                    + "name fails the query, naming the closest rule."));
    public static final ConfigKey<DataSize> SHUFFLE_TARGET_PARTITION_BYTES = define(ENGINE,
            dataSizeKey("spindle.shuffle.targetPartitionBytes", "128m", "Target size of a reduce "
                    + "partition. After a map stage, adjacent small shuffle partitions are coalesced up to "
                    + "this size using the bytes actually written; there is no fixed partition count.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<DataSize> SHUFFLE_MIN_PARTITION_BYTES = define(ENGINE,
            dataSizeKey("spindle.shuffle.minPartitionBytes", "1m", "Smallest coalesced reduce partition "
                    + "worth a task of its own when spreading a small shuffle over the task slots.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<Integer> SHUFFLE_MAX_PARTITIONS = define(ENGINE,
            intKey("spindle.shuffle.maxPartitions", 1000, "Most shuffle partitions a map task writes; "
                    + "reducers then coalesce them to the target size.")
                    .requiring(partitions -> partitions >= 1, "at least 1"));
    public static final ConfigKey<DataSize> TASK_MEMORY_BUDGET = define(ENGINE,
            dataSizeKey("spindle.task.memoryBudget", "256m", "Memory one task's operators may hold before "
                    + "sorts, aggregations and joins spill to spindle.local.dir.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<String> SHUFFLE_COMPRESSION = define(ENGINE,
            stringKey("spindle.shuffle.compression", "lz4", "Compression of shuffle blocks: lz4 or none.")
                    .requiring(codec -> codec.equals("lz4") || codec.equals("none"), "lz4 or none"));
    public static final ConfigKey<Double> SHUFFLE_SKEWED_PARTITION_FACTOR = define(ENGINE,
            doubleKey("spindle.shuffle.skewedPartitionFactor", 5.0, "A shuffled join's reduce partition is "
                    + "skewed when it is this many times the median partition and over "
                    + "spindle.shuffle.skewedPartitionThreshold; it is then split into several tasks by map outputs.")
                    .requiring(factor -> factor >= 1, "at least 1"));
    public static final ConfigKey<DataSize> SHUFFLE_SKEWED_PARTITION_THRESHOLD = define(ENGINE,
            dataSizeKey("spindle.shuffle.skewedPartitionThreshold", "256m", "Smallest reduce partition of a "
                    + "shuffled join that counts as skewed (see spindle.shuffle.skewedPartitionFactor).")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<DataSize> SQL_AUTO_BROADCAST_JOIN_THRESHOLD = define(ENGINE,
            dataSizeKey("spindle.sql.autoBroadcastJoinThreshold", "32m", "A join side estimated under this "
                    + "size is broadcast to every task instead of shuffling both sides; 0 never broadcasts."));
    public static final ConfigKey<Boolean> SQL_JOIN_PREFER_SORT_MERGE_JOIN = define(ENGINE,
            booleanKey("spindle.sql.join.preferSortMergeJoin", false, "Always join two shuffled sides by "
                    + "sorting both on the keys and merging them (sort-merge join). When false the size estimates "
                    + "choose: a shuffled hash join when the build side per reduce partition fits half of "
                    + "spindle.task.memoryBudget and not both sides are over it, else sort-merge. Both spill."));
    public static final ConfigKey<DataSize> CACHE_MEMORY_BUDGET = define(ENGINE,
            dataSizeKey("spindle.cache.memoryBudget", "512m", "Memory each executor may hold cached Dataset "
                    + "blocks in (cache/persist); blocks past it are kept in files under spindle.local.dir.")
                    .requiring(size -> size.bytes() > 0, POSITIVE));
    public static final ConfigKey<String> METASTORE_URIS = define(METASTORE,
            stringKey("spindle.metastore.uris", "", "Thrift URIs of the Hive Metastore, comma-separated "
                    + "(thrift://host:9083). Empty runs an embedded metastore (Derby) in the driver, for "
                    + "local runs and the demo."));
    public static final ConfigKey<String> METASTORE_EMBEDDED_DIR = define(METASTORE,
            stringKey("spindle.metastore.embedded.dir", "", "Directory of the embedded metastore's Derby "
                    + "database. Empty means ~/.spindle/metastore, so tables made in one local run are "
                    + "there in the next."));
    public static final ConfigKey<String> METASTORE_WAREHOUSE_DIR = define(METASTORE,
            stringKey("spindle.metastore.warehouseDir", "", "Where managed tables of the embedded metastore "
                    + "live. Empty means <embedded dir>/warehouse; a remote metastore uses its own setting."));
    public static final ConfigKey<Integer> METASTORE_CONNECT_RETRIES = define(METASTORE,
            intKey("spindle.metastore.connectRetries", 3, "Retries of a failed metastore connection before the "
                    + "job fails with a message naming the URI.")
                    .requiring(retries -> retries >= 0, "0 or more"));
    public static final ConfigKey<Duration> METASTORE_CONNECT_BACKOFF = define(METASTORE,
            durationKey("spindle.metastore.connectBackoff", "1s", "Wait before the first connection retry; "
                    + "it doubles after each retry.")
                    .requiring(backoff -> !backoff.isNegative(), "0 or more"));
    public static final ConfigKey<String> METASTORE_TESTING_BEFORE_PUBLISH = define(METASTORE,
            stringKey("spindle.metastore.testing.beforePublish", "", "Test hook of table writes, between the "
                    + "file commit and the metastore update: 'fail' fails the write there, 'wait' blocks for up to "
                    + "10 minutes so a test can kill the job. Empty (the default) does nothing.")
                    .requiring(hook -> hook.isEmpty() || hook.equals("fail") || hook.equals("wait"),
                            "empty, fail or wait"));

    private static final List<ConfigKey<?>> ALL = List.copyOf(DEFINED);
    private static final Map<String, ConfigKey<?>> BY_NAME = indexByName(ALL);

    private SpindleKeys() {}

    /** Every key, in definition order. */
    public static List<ConfigKey<?>> all() {
        return ALL;
    }

    /** The key with exactly this name. */
    public static Optional<ConfigKey<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The section a key is documented under in {@code spindle-defaults.conf}. */
    public static String sectionOf(ConfigKey<?> key) {
        String section = SECTIONS.get(key.name());
        if (section == null) {
            throw new IllegalArgumentException("Not a key defined in SpindleKeys: " + key.name());
        }
        return section;
    }

    private static <T> ConfigKey<T> define(String section, ConfigKey<T> key) {
        DEFINED.add(key);
        SECTIONS.put(key.name(), section);
        return key;
    }

    private static boolean isPort(int port) {
        return port >= 0 && port <= 65535;
    }

    private static Map<String, ConfigKey<?>> indexByName(List<ConfigKey<?>> keys) {
        Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys) {
            if (!key.name().startsWith(PREFIX) || key.name().startsWith(HADOOP_PREFIX)) {
                throw new IllegalStateException("Key outside the spindle.* namespace: " + key.name());
            }
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("Key defined twice: " + key.name());
            }
        }
        return Map.copyOf(byName);
    }
}
