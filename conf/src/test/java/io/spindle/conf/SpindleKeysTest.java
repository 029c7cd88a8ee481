package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Trino config-class pair: the default of every key, and every key mapped to a value. */
class SpindleKeysTest {
    @Test
    void defaults() {
        SpindleConf conf = SpindleConf.defaults();
        assertThat(conf.get(SpindleKeys.APP_NAME)).isEqualTo("spindle-app");
        assertThat(conf.get(SpindleKeys.MASTER)).isEqualTo("local[*]");
        assertThat(conf.get(SpindleKeys.SUBMIT_WAIT_FOR_COMPLETION)).isTrue();
        assertThat(conf.get(SpindleKeys.YARN_QUEUE)).isEqualTo("default");
        assertThat(conf.get(SpindleKeys.YARN_STAGING_DIR)).isEmpty();
        assertThat(conf.get(SpindleKeys.YARN_MAX_APP_ATTEMPTS)).isEqualTo(1);
        assertThat(conf.get(SpindleKeys.YARN_REPORT_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(conf.get(SpindleKeys.YARN_SUBMIT_TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(conf.get(SpindleKeys.YARN_JAR_CACHE)).isTrue();
        assertThat(conf.get(SpindleKeys.AM_MEMORY)).isEqualTo(DataSize.ofMegabytes(1024));
        assertThat(conf.get(SpindleKeys.AM_CORES)).isEqualTo(1);
        assertThat(conf.get(SpindleKeys.AM_JAVA_OPTIONS)).isEmpty();
        assertThat(conf.get(SpindleKeys.DRIVER_MAX_RESULT_SIZE)).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(conf.get(SpindleKeys.RPC_PORT)).isZero();
        assertThat(conf.get(SpindleKeys.STATUS_PORT)).isZero();
        assertThat(conf.get(SpindleKeys.EXECUTOR_INSTANCES)).isEqualTo(2);
        assertThat(conf.get(SpindleKeys.EXECUTOR_CORES)).isEqualTo(1);
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY)).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY_OVERHEAD)).isEqualTo(DataSize.ofMegabytes(384));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MAX_FAILURES)).isEqualTo(6);
        assertThat(conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(3));
        assertThat(conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(conf.get(SpindleKeys.EXECUTOR_JAVA_OPTIONS)).isEmpty();
        assertThat(conf.get(SpindleKeys.TASK_MAX_ATTEMPTS)).isEqualTo(4);
        assertThat(conf.get(SpindleKeys.LOCALITY_PREFERRED_HOSTS)).isTrue();
        assertThat(conf.get(SpindleKeys.FILES_MAX_PARTITION_BYTES)).isEqualTo(DataSize.ofMegabytes(128));
        assertThat(conf.get(SpindleKeys.LOCAL_DIR)).isEmpty();
        assertThat(conf.get(SpindleKeys.READ_BATCH_SIZE)).isEqualTo(4096);
        assertThat(conf.get(SpindleKeys.PARQUET_COMPRESSION)).isEqualTo("snappy");
        assertThat(SpindleKeys.EXECUTOR_HEARTBEAT_TIMEOUT.defaultText()).isEqualTo("60s");
        assertThat(SpindleKeys.all()).allSatisfy(key -> assertThat(conf.isSet(key)).isFalse());
    }

    /** Every key set to a non-default value; adding a key without extending this map fails. */
    @Test
    void everyKeyMapsToItsTypedValue() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spindle.app.name", "nightly-orders");
        properties.put("spindle.master", "yarn");
        properties.put("spindle.submit.waitForCompletion", "false");
        properties.put("spindle.yarn.queue", "etl");
        properties.put("spindle.yarn.stagingDir", "hdfs:///tmp/staging");
        properties.put("spindle.yarn.jarCache", "false");
        properties.put("spindle.yarn.maxAppAttempts", "2");
        properties.put("spindle.yarn.reportInterval", "250ms");
        properties.put("spindle.yarn.submitTimeout", "0");
        properties.put("spindle.am.memory", "2g");
        properties.put("spindle.am.cores", "2");
        properties.put("spindle.am.javaOptions", "-XX:+UseG1GC");
        properties.put("spindle.driver.maxResultSize", "256m");
        properties.put("spindle.rpc.port", "7077");
        properties.put("spindle.status.port", "8088");
        properties.put("spindle.executor.instances", "10");
        properties.put("spindle.executor.cores", "4");
        properties.put("spindle.executor.memory", "8g");
        properties.put("spindle.executor.memoryOverhead", "1g");
        properties.put("spindle.executor.maxFailures", "0");
        properties.put("spindle.executor.heartbeatInterval", "10s");
        properties.put("spindle.executor.heartbeatTimeout", "2m");
        properties.put("spindle.executor.javaOptions", "-Dx=y");
        properties.put("spindle.task.maxAttempts", "1");
        properties.put("spindle.locality.preferredHosts", "false");
        properties.put("spindle.files.maxPartitionBytes", "256m");
        properties.put("spindle.files.openCostBytes", "1m");
        properties.put("spindle.local.dir", "/data/scratch");
        properties.put("spindle.read.batchSize", "1024");
        properties.put("spindle.parquet.compression", "zstd");
        properties.put("spindle.parquet.rowGroupSize", "64m");
        properties.put("spindle.parquet.pageSize", "512k");
        properties.put("spindle.parquet.dictionary", "false");
        properties.put("spindle.write.targetFileSize", "128m");
        properties.put("spindle.write.maxOpenFiles", "4");
        properties.put("spindle.write.partitionOverwriteMode", "dynamic");
        properties.put("spindle.optimizer.excludedRules", "PruneColumns");
        properties.put("spindle.shuffle.targetPartitionBytes", "64m");
        properties.put("spindle.shuffle.minPartitionBytes", "2m");
        properties.put("spindle.shuffle.maxPartitions", "500");
        properties.put("spindle.task.memoryBudget", "512m");
        properties.put("spindle.shuffle.compression", "none");
        properties.put("spindle.shuffle.skewedPartitionFactor", "2.5");
        properties.put("spindle.shuffle.skewedPartitionThreshold", "64m");
        properties.put("spindle.sql.autoBroadcastJoinThreshold", "10m");
        properties.put("spindle.sql.join.preferSortMergeJoin", "true");
        properties.put("spindle.cache.memoryBudget", "1g");
        properties.put("spindle.metastore.uris", "thrift://hms1:9083,thrift://hms2:9083");
        properties.put("spindle.metastore.embedded.dir", "/var/spindle/metastore");
        properties.put("spindle.metastore.warehouseDir", "/var/spindle/warehouse");
        properties.put("spindle.metastore.connectRetries", "5");
        properties.put("spindle.metastore.connectBackoff", "2s");
        properties.put("spindle.metastore.testing.beforePublish", "fail");
        assertThat(properties.keySet()).containsExactlyElementsOf(names(SpindleKeys.all()));

        SpindleConf conf = SpindleConf.of(properties);

        assertThat(conf.get(SpindleKeys.APP_NAME)).isEqualTo("nightly-orders");
        assertThat(conf.get(SpindleKeys.MASTER)).isEqualTo("yarn");
        assertThat(conf.get(SpindleKeys.SUBMIT_WAIT_FOR_COMPLETION)).isFalse();
        assertThat(conf.get(SpindleKeys.YARN_QUEUE)).isEqualTo("etl");
        assertThat(conf.get(SpindleKeys.YARN_STAGING_DIR)).isEqualTo("hdfs:///tmp/staging");
        assertThat(conf.get(SpindleKeys.YARN_MAX_APP_ATTEMPTS)).isEqualTo(2);
        assertThat(conf.get(SpindleKeys.YARN_REPORT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
        assertThat(conf.get(SpindleKeys.YARN_SUBMIT_TIMEOUT)).isEqualTo(Duration.ZERO);
        assertThat(conf.get(SpindleKeys.YARN_JAR_CACHE)).isFalse();
        assertThat(conf.get(SpindleKeys.AM_MEMORY)).isEqualTo(DataSize.ofGigabytes(2));
        assertThat(conf.get(SpindleKeys.AM_CORES)).isEqualTo(2);
        assertThat(conf.get(SpindleKeys.AM_JAVA_OPTIONS)).isEqualTo("-XX:+UseG1GC");
        assertThat(conf.get(SpindleKeys.DRIVER_MAX_RESULT_SIZE)).isEqualTo(DataSize.ofMegabytes(256));
        assertThat(conf.get(SpindleKeys.RPC_PORT)).isEqualTo(7077);
        assertThat(conf.get(SpindleKeys.STATUS_PORT)).isEqualTo(8088);
        assertThat(conf.get(SpindleKeys.EXECUTOR_INSTANCES)).isEqualTo(10);
        assertThat(conf.get(SpindleKeys.EXECUTOR_CORES)).isEqualTo(4);
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY)).isEqualTo(DataSize.ofGigabytes(8));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY_OVERHEAD)).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MAX_FAILURES)).isZero();
        assertThat(conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.get(SpindleKeys.EXECUTOR_HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(conf.get(SpindleKeys.EXECUTOR_JAVA_OPTIONS)).isEqualTo("-Dx=y");
        assertThat(conf.get(SpindleKeys.TASK_MAX_ATTEMPTS)).isEqualTo(1);
        assertThat(conf.get(SpindleKeys.LOCALITY_PREFERRED_HOSTS)).isFalse();
        assertThat(conf.get(SpindleKeys.FILES_MAX_PARTITION_BYTES)).isEqualTo(DataSize.ofMegabytes(256));
        assertThat(conf.get(SpindleKeys.FILES_OPEN_COST_BYTES)).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(conf.get(SpindleKeys.LOCAL_DIR)).isEqualTo("/data/scratch");
        assertThat(conf.get(SpindleKeys.READ_BATCH_SIZE)).isEqualTo(1024);
        assertThat(conf.get(SpindleKeys.PARQUET_COMPRESSION)).isEqualTo("zstd");
        assertThat(conf.get(SpindleKeys.PARQUET_ROW_GROUP_SIZE)).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(conf.get(SpindleKeys.PARQUET_PAGE_SIZE)).isEqualTo(DataSize.ofKilobytes(512));
        assertThat(conf.get(SpindleKeys.PARQUET_DICTIONARY)).isFalse();
        assertThat(conf.get(SpindleKeys.WRITE_TARGET_FILE_SIZE)).isEqualTo(DataSize.ofMegabytes(128));
        assertThat(conf.get(SpindleKeys.WRITE_MAX_OPEN_FILES)).isEqualTo(4);
        assertThat(conf.get(SpindleKeys.WRITE_PARTITION_OVERWRITE_MODE)).isEqualTo("dynamic");
        assertThat(conf.get(SpindleKeys.OPTIMIZER_EXCLUDED_RULES)).isEqualTo("PruneColumns");
        assertThat(conf.get(SpindleKeys.SHUFFLE_TARGET_PARTITION_BYTES)).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(conf.get(SpindleKeys.SHUFFLE_MIN_PARTITION_BYTES)).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(conf.get(SpindleKeys.SHUFFLE_MAX_PARTITIONS)).isEqualTo(500);
        assertThat(conf.get(SpindleKeys.TASK_MEMORY_BUDGET)).isEqualTo(DataSize.ofMegabytes(512));
        assertThat(conf.get(SpindleKeys.SHUFFLE_COMPRESSION)).isEqualTo("none");
        assertThat(conf.get(SpindleKeys.SHUFFLE_SKEWED_PARTITION_FACTOR)).isEqualTo(2.5);
        assertThat(conf.get(SpindleKeys.SHUFFLE_SKEWED_PARTITION_THRESHOLD)).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(conf.get(SpindleKeys.SQL_AUTO_BROADCAST_JOIN_THRESHOLD)).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(conf.get(SpindleKeys.SQL_JOIN_PREFER_SORT_MERGE_JOIN)).isTrue();
        assertThat(conf.get(SpindleKeys.CACHE_MEMORY_BUDGET)).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(conf.get(SpindleKeys.METASTORE_URIS)).isEqualTo("thrift://hms1:9083,thrift://hms2:9083");
        assertThat(conf.get(SpindleKeys.METASTORE_EMBEDDED_DIR)).isEqualTo("/var/spindle/metastore");
        assertThat(conf.get(SpindleKeys.METASTORE_WAREHOUSE_DIR)).isEqualTo("/var/spindle/warehouse");
        assertThat(conf.get(SpindleKeys.METASTORE_CONNECT_RETRIES)).isEqualTo(5);
        assertThat(conf.get(SpindleKeys.METASTORE_CONNECT_BACKOFF)).isEqualTo(Duration.ofSeconds(2));
        assertThat(conf.get(SpindleKeys.METASTORE_TESTING_BEFORE_PUBLISH)).isEqualTo("fail");
        for (ConfigKey<?> key : SpindleKeys.all()) {
            assertThat(conf.isSet(key)).as(key.name()).isTrue();
            assertThat(conf.get(key)).as(key.name()).isNotEqualTo(key.defaultValue());
        }
    }

    @Test
    void everyKeyIsWellFormed() {
        List<ConfigKey<?>> keys = SpindleKeys.all();
        assertThat(names(keys)).doesNotHaveDuplicates();
        for (ConfigKey<?> key : keys) {
            assertThat(key.name()).as("name").startsWith("spindle.").doesNotStartWith("spindle.hadoop.")
                    .matches("spindle(\\.[a-z][a-zA-Z0-9]*)+");
            assertThat(key.doc()).as(key.name()).isNotBlank().endsWith(".");
            assertThat(key.parse(key.defaultText())).as(key.name()).isEqualTo(key.defaultValue());
            assertThat(SpindleKeys.find(key.name())).as(key.name()).containsSame(key);
            assertThat(SpindleKeys.sectionOf(key)).as(key.name()).isNotBlank();
        }
        assertThat(SpindleKeys.find("spindle.nope")).isEmpty();
    }

    /** Other modules guess constant names from key names; hold every constant to the rule. */
    @Test
    void constantNamesFollowKeyNames() throws IllegalAccessException {
        List<ConfigKey<?>> constants = new ArrayList<>();
        for (Field field : SpindleKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigKey.class) {
                ConfigKey<?> key = (ConfigKey<?>) field.get(null);
                assertThat(field.getName()).isEqualTo(constantName(key.name()));
                constants.add(key);
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(SpindleKeys.all());
    }

    @Test
    void sectionsAreContiguous() {
        List<String> sectionRuns = new ArrayList<>();
        for (ConfigKey<?> key : SpindleKeys.all()) {
            String section = SpindleKeys.sectionOf(key);
            if (sectionRuns.isEmpty() || !sectionRuns.get(sectionRuns.size() - 1).equals(section)) {
                sectionRuns.add(section);
            }
        }
        assertThat(sectionRuns).doesNotHaveDuplicates();
    }

    private static String constantName(String keyName) {
        return keyName.substring("spindle.".length()).replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> names(List<ConfigKey<?>> keys) {
        return keys.stream().map(ConfigKey::name).collect(Collectors.toList());
    }
}
