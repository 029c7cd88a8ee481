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
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/spindle did not finish within 60 s: " + command);
        }
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
        Files.writeString(state.resolve("jit-history/submit_name=nightly-orders_class=com.example.Orders_master=local_2_"),
                "quick cpu_ms=1800\n");

        Launch tonight = launch(environment, "submit", "--master", "local[2]", "--name", "nightly-orders",
                "--class", "com.example.Orders", "orders.jar", "2026-11-28");
        Launch tomorrow = launch(environment, "submit", "--name=nightly-orders", "--class=com.example.Orders",
                "--master", "local[2]", "orders.jar", "--date", "2026-11-29");
        for (Launch launch : List.of(tonight, tomorrow)) {
            assertThat(launch.javaArguments()).contains(QUICK, "-Dspindle.jit=quick");
            assertThat(launch.property("spindle.jit.history"))
                    .isEqualTo(state.resolve("jit-history/submit_name=nightly-orders_class=com.example.Orders_master=local_2_").toString());
        }
        assertThat(home.resolve("jit-history")).doesNotExist();

        // After the application jar (or "--") the arguments are the job's own, even one spelt --name.
        Launch separated = launch(environment, "submit", "--class", "com.example.Orders", "--", "orders.jar",
                "--name", "nightly-orders");
        assertThat(separated.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered");
        assertThat(Path.of(separated.property("spindle.jit.history")).getFileName().toString())
                .isEqualTo("submit_--class_com.example.Orders_--_orders.jar_--name_nightly-orders");
        Launch unnamed = launch(environment, "submit", "--class", "com.example.Orders", "orders.jar", "--name",
                "nightly-orders");
        assertThat(unnamed.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered");
        assertThat(Path.of(unnamed.property("spindle.jit.history")).getFileName().toString())
                .isEqualTo("submit_--class_com.example.Orders_orders.jar_--name_nightly-orders");
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
    void argumentsReachTheJobUnchangedWhateverTheKeyMadeOfThem() throws Exception {
        Launch launch = launch(Map.of(), "submit", "--class", "com.example.Job", "job.jar", "two words", "*",
                "line\nbreak", "");
        List<String> arguments = launch.javaArguments();
        // the stand-in java writes one argument per line, so the one with a line break spans two
        assertThat(arguments.subList(arguments.indexOf("io.spindle.jobs.cli.SpindleMain") + 1, arguments.size()))
                .containsExactly("submit", "--class", "com.example.Job", "job.jar", "two words", "*", "line", "break",
                        "");
        assertThat(Path.of(launch.property("spindle.jit.history")).getFileName().toString())
                .isEqualTo("submit_--class_com.example.Job_job.jar_two_words___line_break_");
    }

    @Test
    void jitOptionsOfTheUsersOwnReplaceTheLaunchersAndAreNotLearntFrom() throws Exception {
        Files.createDirectories(home.resolve("jit-history"));
        Files.writeString(home.resolve("jit-history/submit_--class_com.example.Job_job.jar"), "quick cpu_ms=100");

        Launch noNewline = launch(Map.of(), "submit", "--class", "com.example.Job", "job.jar");
        assertThat(noNewline.javaArguments()).contains(QUICK, "-Dspindle.jit=quick"); // a record without a newline

        for (String jitOption : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-XX:Tier4InvocationThreshold=5000", "-XX:CompileThresholdScaling=0.5")) {
            Launch custom = launch(Map.of("SPINDLE_CLIENT_OPTS", "-Xmx2g " + jitOption), "submit", "--class",
                    "com.example.Job", "job.jar");
            assertThat(custom.javaArguments()).as(jitOption).contains("-Xmx2g", jitOption, "-Dspindle.jit=custom")
                    .doesNotContain(QUICK, TIERED);
            assertThat(custom.property("spindle.jit.history")).as(jitOption).isNull();
        }

        // an option that only mentions a tier is not a JIT option
        Launch notJit = launch(Map.of("SPINDLE_CLIENT_OPTS", "-Xmx2g -Dapp.dir=/mnt/Tier2/CompileThreshold"),
                "submit", "--class", "com.example.Job", "job.jar");
        assertThat(notJit.javaArguments()).contains("-Dapp.dir=/mnt/Tier2/CompileThreshold", QUICK,
                "-Dspindle.jit=quick");
    }

    @Test
    void withoutAUsableStateDirectoryNothingIsLearnt() throws Exception {
        // a file where the directory should be: no user, root included, can make jit-history there
        Path state = Files.writeString(directory.resolve("not-a-directory"), "");
        Launch launch = launch(Map.of("SPINDLE_STATE_DIR", state.toString()), "bench", "--one-shot", "--queries", "q6");
        assertThat(launch.exit()).as(launch.stderr()).isZero();
        assertThat(launch.stderr()).isEmpty();
        assertThat(launch.javaArguments()).contains(TIERED, "-Dspindle.jit=tiered");
        assertThat(launch.property("spindle.jit.history")).isNull();
    }

    @Test
    void otherCommandsKeepTheTieredDefault() throws Exception {
        for (String command : List.of("status", "kill", "demo", "--help")) {
            Launch launch = launch(Map.of(), command);
            assertThat(launch.javaArguments()).as(command).contains(TIERED, "-Dspindle.jit=tiered");
            assertThat(launch.property("spindle.jit.history")).as(command).isNull();
        }
        assertThat(home.resolve("jit-history")).doesNotExist();
        for (String help : List.of("--help", "-h", "--version", "-V")) { // prints and exits: not a run of a job
            Launch launch = launch(Map.of(), "submit", "--class", "com.example.Job", help);
            assertThat(launch.javaArguments()).as(help).contains(TIERED, "-Dspindle.jit=tiered");
            assertThat(launch.property("spindle.jit.history")).as(help).isNull();
        }
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
