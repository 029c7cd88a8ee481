package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/spindle's choice of JIT per job, run as the real script on a distribution layout whose
 * {@code java} is a stand-in that writes down the options it was given.
 */
class LauncherJitTest {
    private static final String TIERED = "-XX:Tier4InvocationThreshold=100000";
    private static final String QUICK = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path directory;

    private Path home;
    private Path javaHome;
    private Path recordedArguments;

    @BeforeEach
    void distribution() throws IOException {
        home = Files.createDirectories(directory.resolve("spindle"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("conf"));
        Files.copy(Path.of("..", "bin", "spindle"), home.resolve("bin/spindle"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createFile(home.resolve("spindle-jobs-0.1.0.jar"));
        javaHome = Files.createDirectories(directory.resolve("jdk/bin")).getParent();
        recordedArguments = directory.resolve("java-arguments");
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"$RECORD_ARGUMENTS\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Launch(int exit, String stderr, List<String> javaArguments) {
        String property(String name) {
            return javaArguments.stream().filter(argument -> argument.startsWith("-D" + name + "="))
                    .map(argument -> argument.substring(name.length() + 3)).findFirst().orElse(null);
        }
    }

    private Launch launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/spindle").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPINDLE_") || name.equals("HADOOP_CONF_DIR"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("SPINDLE_CDS", "0");
        builder.environment().put("RECORD_ARGUMENTS", recordedArguments.toString());
        builder.environment().putAll(environment);
        Files.deleteIfExists(recordedArguments);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> javaArguments = Files.exists(recordedArguments) ? Files.readAllLines(recordedArguments) : List.of();
        return new Launch(process.exitValue(), stderr, javaArguments);
    }

    @Test
    void aJobWithoutARecordRunsTieredAndIsToldWhereToLeaveOne() throws Exception {
        Launch launch = launch(Map.of(), "bench", "--one-shot", "--queries", "q6");

        assertThat(launch.exit()).as(launch.stderr()).isZero();
        assertThat(launch.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered").doesNotContain(QUICK);
        assertThat(launch.property("spindle.jit.history"))
                .isEqualTo(home.resolve("jit-history/bench_--one-shot_--queries_q6").toString());
        assertThat(home.resolve("jit-history")).isDirectory();
        // the command itself reaches the JVM unchanged, after the options
        assertThat(launch.javaArguments().subList(launch.javaArguments().size() - 5, launch.javaArguments().size()))
                .containsExactly("io.spindle.jobs.cli.SpindleMain", "bench", "--one-shot", "--queries", "q6");
    }

    @Test
    void aJobWhoseLastRunWasShortRunsQuickAndALongOneTiered() throws Exception {
        Path record = Files.createDirectories(home.resolve("jit-history")).resolve("bench_--one-shot_--queries_q6");

        Files.writeString(record, "quick cpu_ms=2300\n");
        Launch quick = launch(Map.of(), "bench", "--one-shot", "--queries", "q6");
        assertThat(quick.javaArguments()).contains(QUICK, "-Dspindle.jit=quick").doesNotContain(TIERED);
        assertThat(quick.property("spindle.jit.history")).isEqualTo(record.toString());

        Files.writeString(record, "tiered cpu_ms=9100\n");
        assertThat(launch(Map.of(), "bench", "--one-shot", "--queries", "q6").javaArguments())
                .contains(TIERED, "-Dspindle.jit=tiered").doesNotContain(QUICK);

        Files.writeString(record, "garbage\n");
        assertThat(launch(Map.of(), "bench", "--one-shot", "--queries", "q6").javaArguments())
                .contains(TIERED, "-Dspindle.jit=tiered");
    }

    @Test
    void aNamedSubmissionKeepsItsRecordWhateverItsOtherArguments() throws Exception {
        Path state = directory.resolve("state");
        Map<String, String> environment = Map.of("SPINDLE_STATE_DIR", state.toString());
        Files.createDirectories(state.resolve("jit-history"));
        Files.writeString(state.resolve("jit-history/submit_name=nightly-orders"), "quick cpu_ms=1800\n");

        Launch tonight = launch(environment, "submit", "--master", "local[2]", "--name", "nightly-orders",
                "com.example.Orders", "2026-11-28");
        Launch tomorrow = launch(environment, "submit", "--name=nightly-orders", "--master", "local[2]",
                "com.example.Orders", "2026-11-29");

        for (Launch launch : List.of(tonight, tomorrow)) {
            assertThat(launch.javaArguments()).contains(QUICK, "-Dspindle.jit=quick");
            assertThat(launch.property("spindle.jit.history"))
                    .isEqualTo(state.resolve("jit-history/submit_name=nightly-orders").toString());
        }
        assertThat(home.resolve("jit-history")).doesNotExist();
    }

    @Test
    void aLongCommandLineIsKeyedByItsStartAndAChecksumOfTheWhole() throws Exception {
        String longPath = "/data/" + "warehouse/".repeat(15);
        Launch first = launch(Map.of(), "submit", "com.example.Job", longPath + "a");
        Launch again = launch(Map.of(), "submit", "com.example.Job", longPath + "a");
        Launch other = launch(Map.of(), "submit", "com.example.Job", longPath + "b");

        String name = Path.of(first.property("spindle.jit.history")).getFileName().toString();
        assertThat(name).hasSizeLessThanOrEqualTo(111).startsWith("submit_com.example.Job__data_warehouse_")
                .matches(".{100}-\\d+");
        assertThat(again.property("spindle.jit.history")).isEqualTo(first.property("spindle.jit.history"));
        assertThat(other.property("spindle.jit.history")).isNotEqualTo(first.property("spindle.jit.history"));
    }

    @Test
    void onlyOneShotJobsLearnAndSpindleJitOverrides() throws Exception {
        Files.createDirectories(home.resolve("jit-history"));
        Files.writeString(home.resolve("jit-history/bench_--queries_q6"), "quick cpu_ms=100\n");

        Launch warmBench = launch(Map.of(), "bench", "--queries", "q6");
        assertThat(warmBench.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered");
        assertThat(warmBench.property("spindle.jit.history")).isNull();

        Launch forcedQuick = launch(Map.of("SPINDLE_JIT", "quick"), "bench", "--queries", "q6");
        assertThat(forcedQuick.javaArguments()).contains(QUICK, "-Dspindle.jit=quick");
        assertThat(forcedQuick.property("spindle.jit.history")).isNull();

        Files.writeString(home.resolve("jit-history/submit_com.example.Job"), "quick cpu_ms=100\n");
        Launch forcedTiered = launch(Map.of("SPINDLE_JIT", "tiered"), "submit", "com.example.Job");
        assertThat(forcedTiered.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered");

        Launch refused = launch(Map.of("SPINDLE_JIT", "fast"), "submit", "com.example.Job");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr()).contains("SPINDLE_JIT must be auto, quick or tiered, not 'fast'");
        assertThat(refused.javaArguments()).isEmpty();
    }
}
