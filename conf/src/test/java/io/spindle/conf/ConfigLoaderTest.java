package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path directory;

    @Test
    void fileIsLowestThenCommandLineThenCode() throws IOException {
        Path file = write("""
                # site defaults
                spindle.executor.memory = 2g
                spindle.executor.cores = 2
                spindle.yarn.queue = etl

                spindle.hadoop.fs.defaultFS = hdfs://nn:8020
                """);
        SpindleConf conf = ConfigLoader.load(Optional.of(file),
                Map.of("spindle.executor.memory", "4g", "spindle.executor.cores", "3"),
                Map.of("spindle.executor.memory", "8g"));

        assertThat(conf.get(SpindleKeys.EXECUTOR_MEMORY)).as("code beats command line").isEqualTo(DataSize.ofGigabytes(8));
        assertThat(conf.get(SpindleKeys.EXECUTOR_CORES)).as("command line beats file").isEqualTo(3);
        assertThat(conf.get(SpindleKeys.YARN_QUEUE)).as("file beats default").isEqualTo("etl");
        assertThat(conf.get(SpindleKeys.AM_MEMORY)).as("default").isEqualTo(DataSize.ofGigabytes(1));
        assertThat(conf.hadoopOverrides()).containsExactly(Map.entry("fs.defaultFS", "hdfs://nn:8020"));
    }

    @Test
    void withoutFileOnlyCommandLineAndCodeApply() {
        SpindleConf conf = ConfigLoader.load(Optional.empty(), Map.of("spindle.app.name", "a"), Map.of());
        assertThat(conf.toMap()).containsExactly(Map.entry("spindle.app.name", "a"));
    }

    @Test
    void commandLineErrorQuotesTheArgument() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("spindle.executor.memroy", "4g"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--conf spindle.executor.memroy=4g: Unknown configuration key 'spindle.executor.memroy'. "
                        + "Did you mean 'spindle.executor.memory'? (all keys are listed in conf/spindle-defaults.conf)")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.UNKNOWN_KEY);
    }

    @Test
    void readsEmptyValuesAndValuesContainingEqualsAndHash() throws IOException {
        Path file = write("""
                spindle.local.dir =
                spindle.executor.javaOptions = -Da=b -Dc=#d
                   spindle.app.name=tight
                """);
        assertThat(ConfigLoader.readFile(file)).containsExactly(
                Map.entry("spindle.local.dir", ""),
                Map.entry("spindle.executor.javaOptions", "-Da=b -Dc=#d"),
                Map.entry("spindle.app.name", "tight"));
    }

    @Test
    void fileErrorsNameFileAndLine() throws IOException {
        Path unknown = write("# comment\n\nspindle.executor.memroy = 2g\n");
        assertThatThrownBy(() -> ConfigLoader.readFile(unknown))
                .isInstanceOf(ConfigException.class)
                .hasMessage(unknown + " line 3: Unknown configuration key 'spindle.executor.memroy'. Did you mean "
                        + "'spindle.executor.memory'? (all keys are listed in conf/spindle-defaults.conf)");

        Path badValue = write("spindle.app.name = x\nspindle.executor.cores = many\n");
        assertThatThrownBy(() -> ConfigLoader.readFile(badValue))
                .hasMessage(badValue + " line 2: Invalid value 'many' for configuration key 'spindle.executor.cores': "
                        + "expected an integer such as 4.")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.BAD_VALUE);

        Path noEquals = write("spindle.app.name spindle\n");
        assertThatThrownBy(() -> ConfigLoader.readFile(noEquals))
                .hasMessage(noEquals + " line 1: expected 'key = value' but found 'spindle.app.name spindle'.")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.BAD_FILE);

        Path duplicate = write("spindle.app.name = a\n\nspindle.app.name = b\n");
        assertThatThrownBy(() -> ConfigLoader.readFile(duplicate))
                .hasMessage(duplicate + " line 3: key 'spindle.app.name' is already set on line 1.");

        Path missing = directory.resolve("missing.conf");
        assertThatThrownBy(() -> ConfigLoader.readFile(missing))
                .hasMessageStartingWith("Cannot read configuration file " + missing + ": ")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.UNREADABLE_FILE);
    }

    @Test
    void locatesDefaultsFileInConfDirThenHome() throws IOException {
        Path confDir = Files.createDirectories(directory.resolve("etc"));
        Path home = Files.createDirectories(directory.resolve("home/conf")).getParent();
        Path homeFile = Files.writeString(home.resolve("conf/spindle-defaults.conf"), "");
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "SPINDLE_CONF_DIR", confDir.toString(), "SPINDLE_HOME", home.toString()));

        assertThat(ConfigLoader.locateDefaultsFile(environment::get)).as("conf dir has no file").contains(homeFile);
        Path confFile = Files.writeString(confDir.resolve("spindle-defaults.conf"), "");
        assertThat(ConfigLoader.locateDefaultsFile(environment::get)).contains(confFile);
        assertThat(ConfigLoader.locateDefaultsFile(name -> null)).isEmpty();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "spindle", ".conf"), text);
    }
}
