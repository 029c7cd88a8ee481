package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpindleConfTest {
    @Test
    void unknownKeyNamesTheClosestKnownKey() {
        assertThatThrownBy(() -> SpindleConf.defaults().with("spindle.executor.memroy", "4g"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown configuration key 'spindle.executor.memroy'. Did you mean "
                        + "'spindle.executor.memory'? (all keys are listed in conf/spindle-defaults.conf)")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.UNKNOWN_KEY);
    }

    @Test
    void suggestionsCoverCaseSlipsAndMissingLetters() {
        assertThatThrownBy(() -> SpindleConf.of(Map.of("spindle.yarn.stagingdir", "/tmp")))
                .hasMessageContaining("Did you mean 'spindle.yarn.stagingDir'?");
        assertThatThrownBy(() -> SpindleConf.of(Map.of("spindle.executor.instance", "3")))
                .hasMessageContaining("Did you mean 'spindle.executor.instances'?");
        assertThatThrownBy(() -> SpindleConf.of(Map.of("spindle.exector.cores", "3")))
                .hasMessageContaining("Did you mean 'spindle.executor.cores'?");
    }

    @Test
    void unknownKeyFarFromEveryKnownKeySaysSo() {
        assertThatThrownBy(() -> SpindleConf.defaults().with("spindle.quantum.flux", "zstd"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown configuration key 'spindle.quantum.flux'. No known key is close to it; "
                        + "all keys are listed in conf/spindle-defaults.conf.");
    }

    @Test
    void keyOutsideSpindleNamespaceIsRejected() {
        assertThatThrownBy(() -> SpindleConf.defaults().with("fs.defaultFS", "hdfs://nn:8020"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Configuration key 'fs.defaultFS' is not a Spindle key: Spindle keys start with "
                        + "'spindle.', and Hadoop settings are passed as spindle.hadoop.<key> "
                        + "(here 'spindle.hadoop.fs.defaultFS').")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.NOT_SPINDLE_KEY);
        assertThatThrownBy(() -> SpindleConf.defaults().with("spark.executor.memory", "4g"))
                .hasMessage("Configuration key 'spark.executor.memory' is not a Spindle key: Spindle keys start with "
                        + "'spindle.', and Hadoop settings are passed as spindle.hadoop.<key>. "
                        + "Did you mean 'spindle.executor.memory'?");
    }

    @Test
    void hadoopKeysPassThrough() {
        SpindleConf conf = SpindleConf.defaults()
                .with("spindle.hadoop.fs.defaultFS", "hdfs://nn:8020")
                .with("spindle.hadoop.dfs.replication", "anything at all")
                .with(SpindleKeys.EXECUTOR_CORES.name(), "2");

        assertThat(conf.hadoopOverrides())
                .containsExactly(Map.entry("dfs.replication", "anything at all"), Map.entry("fs.defaultFS", "hdfs://nn:8020"));
        assertThat(conf.toMap()).containsExactly(
                Map.entry("spindle.executor.cores", "2"),
                Map.entry("spindle.hadoop.dfs.replication", "anything at all"),
                Map.entry("spindle.hadoop.fs.defaultFS", "hdfs://nn:8020"));
        assertThatThrownBy(() -> conf.with("spindle.hadoop.", "x"))
                .hasMessage("Configuration key 'spindle.hadoop.' names no Hadoop setting: write "
                        + "spindle.hadoop.<key>, e.g. spindle.hadoop.fs.defaultFS.");
    }

    @Test
    void valuesAreValidatedWhenSetAndLaterValuesWin() {
        SpindleConf conf = SpindleConf.of(Map.of("spindle.executor.memory", "2g"));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY)).isEqualTo(DataSize.ofGigabytes(2));
        assertThat(conf.with("spindle.executor.memory", "4g").get(SpindleKeys.EXECUTOR_MEMORY))
                .isEqualTo(DataSize.ofGigabytes(4));
        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY)).as("immutable").isEqualTo(DataSize.ofGigabytes(2));
        assertThat(conf.isSet(SpindleKeys.EXECUTOR_MEMORY)).isTrue();
        assertThat(conf.isSet(SpindleKeys.AM_MEMORY)).isFalse();

        assertThatThrownBy(() -> conf.withAll(Map.of("spindle.executor.cores", "2", "spindle.am.memory", "big")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'big' for configuration key 'spindle.am.memory': "
                        + "expected a data size such as 512m or 2g.");
    }

    @Test
    void nullKeyOrValueIsAConfigError() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("spindle.app.name", null);
        assertThatThrownBy(() -> SpindleConf.of(nullValue)).isInstanceOf(ConfigException.class);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> SpindleConf.of(nullKey))
                .isInstanceOf(ConfigException.class)
                .hasMessage("A configuration key must not be empty.");
    }

    @Test
    void toStringHidesSecrets() {
        SpindleConf conf = SpindleConf.of(Map.of(
                "spindle.app.name", "etl", "spindle.hadoop.fs.s3a.secret.key", "hunter2"));
        assertThat(conf).hasToString("SpindleConf{spindle.app.name=etl, spindle.hadoop.fs.s3a.secret.key=*****}");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        SpindleConf conf = SpindleConf.of(Map.of("spindle.executor.memory", "3g", "spindle.hadoop.a.b", "c"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(conf);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SpindleConf copy = (SpindleConf) in.readObject();
            assertThat(copy).isEqualTo(conf);
            assertThat(copy.get(SpindleKeys.EXECUTOR_MEMORY)).isEqualTo(DataSize.ofGigabytes(3));
        }
    }
}
