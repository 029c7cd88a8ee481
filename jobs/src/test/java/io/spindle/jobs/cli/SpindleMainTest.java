package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.am.client.JobResult;
import io.spindle.jobs.cli.testjobs.FailingTaskJob;
import io.spindle.jobs.cli.testjobs.SumOfSquaresJob;
import io.spindle.jobs.cli.testjobs.ThrowingDriverJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/spindle} through {@link SpindleMain#commandLine}, with jobs run in-process on local masters. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpindleMainTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path appJar;

    @BeforeEach
    void buildApplicationJar() throws IOException {
        appJar = TestJars.jarOfPackage(SumOfSquaresJob.class, directory.resolve("test-jobs.jar"));
    }

    private int spindle(String... args) {
        return SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static JobResult readResult(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JobResult.read(in);
        }
    }

    /** A result without its clock readings, which differ on every run. */
    private static JobResult withoutTimes(JobResult result) {
        return new JobResult(result.applicationId(), result.appName(), result.finalStatus(), result.exitCode(),
                result.exitReason(), result.diagnostics(), result.trackingUrl(), 0, result.firstTaskEpochMillis(), 0,
                result.stages(), result.timeline());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        int exit = spindle("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("submit", "status", "kill", "demo")
                .contains("Exit codes: 0 success, 1 internal error, 2 bad arguments or configuration,")
                .contains("3 job failed (user code or data), 4 infrastructure (YARN/HDFS/AM), 5 killed.");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void eachCommandsHelpListsItsOptionsAndVersionPrintsTheVersion() {
        for (String command : List.of("submit", "status", "kill", "demo", "bench")) {
            StringWriter commandOut = new StringWriter();
            int exit = SpindleMain.commandLine(new PrintWriter(commandOut, true), new PrintWriter(err, true))
                    .execute(command, "--help");
            assertThat(exit).isZero();
            assertThat(commandOut.toString()).startsWith("Usage: spindle " + command + " [-hV]");
        }
        assertThat(spindle("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("Spindle 0.1.0");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpCommandShowsACommandsHelpAndNamesAnUnknownOne() {
        assertThat(spindle("help", "bench")).isZero();
        assertThat(out.toString()).startsWith("Usage: spindle bench").contains("--cold=<processes>")
                .doesNotContain("--one-shot");

        assertThat(spindle("help", "bnech")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown subcommand 'bnech'.");
    }

    @Test
    void badOptionValuesAndMissingParametersAreUsageErrorsNamingThem() {
        assertThat(spindle("demo", "--files", "many")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--files': 'many' is not an int")
                .contains("Usage: spindle demo");

        StringWriter statusErr = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(statusErr, true)).execute("status");
        assertThat(exit).isEqualTo(2);
        assertThat(statusErr.toString()).startsWith("Missing required parameter: '<applicationId>'");
    }

    /** Regression: the exit-code mapper turned every parse error into 1 (internal error). */
    @Test
    void submitWithoutClassIsAUsageError() {
        int exit = spindle("submit", "--master", "local[2]", appJar.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--class=<mainClass>'");
    }

    /** A misspelt option is taken for the application jar (submit stops at the first positional), still exit 2. */
    @Test
    void misspeltOptionIsAUsageErrorNamingIt() {
        int exit = spindle("submit", "--class", SumOfSquaresJob.class.getName(), "--mastr", "local[2]", appJar.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--mastr");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int exit = spindle("sumbit", "--class", SumOfSquaresJob.class.getName(), appJar.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched arguments from index 0: 'sumbit'");
    }

    @Test
    void anUnknownCommandSuggestsTheCommandsWithinTwoEditsAsListed() {
        assertThat(spindle("sumbit", appJar.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: spindle submit?");
        err.getBuffer().setLength(0);
        // two edits from both demo and bench: in the order of the command list, not by name
        assertThat(spindle("BENO")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: spindle demo or spindle bench?");
        err.getBuffer().setLength(0);
        assertThat(spindle("deploy")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unmatched argument at index 0: 'deploy'").doesNotContain("Did you mean");
    }

    @Test
    void localSubmitRunsTheJobInProcessAndExitsZero() throws IOException {
        Path result = directory.resolve("squares.txt");

        int exit = spindle("submit", "--master", "local[2]", "--class", SumOfSquaresJob.class.getName(),
                appJar.toString(), result.toString(), "10", "--looks-like-an-option", "two words");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(Files.readString(result))
                .isEqualTo("n=10 sum=385 partitions=[0, 1, 2] extra=--looks-like-an-option two words");
        assertThat(out.toString()).contains("Application local SUCCEEDED in ");
    }

    @Test
    void localSubmitWritesASucceededResultFile() throws IOException {
        Path resultFile = directory.resolve("results/run.json");

        int exit = spindle("submit", "--master", "local[2]", "--name", "squares", "--result-file", resultFile.toString(),
                "--class", SumOfSquaresJob.class.getName(), appJar.toString(), directory.resolve("out.txt").toString(), "3");

        JobResult result = readResult(resultFile);
        assertThat(exit).isZero();
        assertThat(withoutTimes(result)).isEqualTo(new JobResult("local", "squares", "SUCCEEDED", 0, "succeeded", "",
                "", 0, 0, 0, List.of(), Map.of()));
        assertThat(result.submitEpochMillis()).isPositive();
    }

    @Test
    void failingTaskExitsThreeAndStderrNamesTheTasksError() {
        int exit = spindle("submit", "--master", "local[2]", "--conf", "spindle.task.maxAttempts=1",
                "--class", FailingTaskJob.class.getName(), appJar.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("Application local FAILED (exit code 3, task failed)")
                .contains("java.lang.IllegalStateException: bad record at offset 4242");
    }

    @Test
    void mainThatThrowsExitsThreeAndStderrNamesTheException() {
        int exit = spindle("submit", "--master", "local[2]", "--class", ThrowingDriverJob.class.getName(),
                appJar.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("Application local FAILED (exit code 3, job failed)")
                .contains("The job's main method threw java.lang.IllegalArgumentException: "
                        + "Usage: ThrowingDriverJob needs an input path");
    }

    @Test
    void failedLocalRunWritesAFailedResultFileWithItsExitCode() throws IOException {
        Path resultFile = directory.resolve("run.json");

        int exit = spindle("submit", "--master", "local[2]", "--result-file", resultFile.toString(),
                "--class", ThrowingDriverJob.class.getName(), appJar.toString());

        JobResult result = readResult(resultFile);
        assertThat(exit).isEqualTo(3);
        assertThat(List.of(result.applicationId(), result.appName(), result.finalStatus(), result.exitCode(),
                result.exitReason())).containsExactly("local", ThrowingDriverJob.class.getName(), "FAILED", 3, "job failed");
        assertThat(result.diagnostics()).startsWith("The job's main method threw java.lang.IllegalArgumentException");
    }

    @Test
    void misspeltConfigurationKeyIsAUsageErrorSuggestingTheRightKey() {
        int exit = spindle("submit", "--master", "local[2]", "--conf", "spindle.executor.memroy=1g",
                "--class", SumOfSquaresJob.class.getName(), appJar.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("spindle submit: --conf spindle.executor.memroy=1g: ")
                .contains("Did you mean 'spindle.executor.memory'?");
    }

    @Test
    void submissionRefusedBeforeRunningStillWritesAResultFileWithTheUsageExitCode() throws IOException {
        Path resultFile = directory.resolve("refused.json");

        int exit = spindle("submit", "--master", "local[2]", "--conf", "spindle.executor.memroy=1g",
                "--result-file", resultFile.toString(), "--class", SumOfSquaresJob.class.getName(), appJar.toString());

        JobResult result = readResult(resultFile);
        assertThat(exit).isEqualTo(2);
        assertThat(List.of(result.finalStatus(), result.exitCode(), result.exitReason()))
                .containsExactly("NOT_SUBMITTED", 2, "not submitted");
        assertThat(result.diagnostics()).contains("Did you mean 'spindle.executor.memory'?");
    }

    @Test
    void missingApplicationJarIsAUsageErrorNamingIt() {
        Path missing = directory.resolve("missing.jar");

        int exit = spindle("submit", "--master", "local[2]", "--class", SumOfSquaresJob.class.getName(),
                missing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("spindle submit: Application jar " + missing + " does not exist or is not a file.");
    }

    @Test
    void missingMainClassIsAUsageErrorNamingIt() {
        int exit = spindle("submit", "--master", "local[2]", "--class", "io.example.NoSuchJob", appJar.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Application local FAILED (exit code 2, main class not found)")
                .contains("Main class 'io.example.NoSuchJob' was not found on the application's classpath");
    }

    @Test
    void localSubmitRunsAJobWhoseClassesExistOnlyInTheApplicationJar() throws IOException {
        Path jar = IsolatedJobs.compileToJar(directory, "io.example.isolated.PartitionNames", """
                package io.example.isolated;

                import io.spindle.api.Session;
                import io.spindle.exec.Task;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;

                public final class PartitionNames {
                    public static void main(String[] args) throws Exception {
                        Session session = Session.builder().getOrCreate();
                        List<Task<String>> tasks = List.of(context -> "a" + context.partitionId(),
                                context -> "b" + context.partitionId(), new Named("c"));
                        Files.writeString(Path.of(args[0]), String.join(",", session.runTasks("names", tasks)));
                    }

                    record Named(String prefix) implements Task<String> {
                        public String run(io.spindle.exec.TaskContext context) {
                            return prefix + context.partitionId();
                        }
                    }
                }
                """);
        Path result = directory.resolve("names.txt");

        int exit = spindle("submit", "--master", "local[2]", "--class", "io.example.isolated.PartitionNames",
                jar.toString(), result.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(Files.readString(result)).isEqualTo("a0,b1,c2");
    }
}
