package io.spindle.am.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.am.client.ExitCode;
import io.spindle.conf.ConfigException;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.TaskFailure;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Running a job's main and mapping how it ended to the exit-code contract. */
class DriverRunnerTest {

    private static final String TRUNCATION_NOTE = "\n... (truncated)";
    private static final TaskFailure BAD_ROW = new TaskFailure("java.lang.IllegalStateException", "bad row 17",
            "java.lang.IllegalStateException: bad row 17\n\tat io.example.Parse.row(Parse.java:17)\n");

    private static volatile List<String> receivedArgs;
    private static volatile ClassLoader contextLoaderInMain;

    private final ClassLoader testLoader = DriverRunnerTest.class.getClassLoader();
    private ClassLoader originalContextLoader;

    @BeforeEach
    void resetRecordings() {
        receivedArgs = null;
        contextLoaderInMain = null;
        originalContextLoader = Thread.currentThread().getContextClassLoader();
    }

    @AfterEach
    void restoreContextLoader() {
        Thread.currentThread().setContextClassLoader(originalContextLoader);
    }

    private static DriverOutcome run(Class<?> mainClass, String... args) {
        return DriverRunner.run(mainClass.getName(), List.of(args), DriverRunnerTest.class.getClassLoader());
    }

    public static final class Succeeds {
        public static void main(String[] args) {
            receivedArgs = List.of(args);
            contextLoaderInMain = Thread.currentThread().getContextClassLoader();
        }
    }

    public static final class ThrowsConfigException {
        public static void main(String[] args) {
            throw new ConfigException(ConfigException.UNKNOWN_KEY, "Unknown key 'spindle.executor.memroy'.");
        }
    }

    public static final class ThrowsWrappedConfigException {
        public static void main(String[] args) {
            throw new IllegalStateException("setup failed",
                    new ConfigException(ConfigException.BAD_VALUE, "spindle.executor.cores must be positive"));
        }
    }

    public static final class ThrowsTaskFailed {
        public static void main(String[] args) {
            throw new JobFailedException(JobFailedException.Cause.TASK_FAILED,
                    "Stage 0 (count) failed: task 3 failed 4 times", BAD_ROW);
        }
    }

    public static final class ThrowsInfrastructure {
        public static void main(String[] args) {
            throw new JobFailedException(JobFailedException.Cause.INFRASTRUCTURE,
                    "7 executors failed (spindle.executor.maxFailures=6)", null);
        }
    }

    public static final class ThrowsOther {
        public static void main(String[] args) {
            contextLoaderInMain = Thread.currentThread().getContextClassLoader();
            throw new UnsupportedOperationException("not yet");
        }
    }

    public static final class ThrowsHugeMessage {
        public static void main(String[] args) {
            throw new ConfigException("x".repeat(20_000));
        }
    }

    public static final class ThrowsHugeTaskFailure {
        public static void main(String[] args) {
            throw new JobFailedException(JobFailedException.Cause.TASK_FAILED, "Stage 0 failed",
                    new TaskFailure("java.lang.StackOverflowError", "null", "\tat io.example.Recurse.f(Recurse.java:1)\n".repeat(1000)));
        }
    }

    public static final class InstanceMain {
        public void main(String[] args) {
            receivedArgs = List.of(args);
        }
    }

    public static final class NoMain {
    }

    public static final class FailsInStaticInitializer {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new ConfigException("Bad value for spindle.example.key in a static initializer");
            }
        }

        public static void main(String[] args) {
            receivedArgs = List.of(args);
        }
    }

    @Test
    void mainThatReturnsSucceedsWithItsArguments() {
        DriverOutcome outcome = run(Succeeds.class, "in", "out", "--flag");

        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.SUCCESS, "succeeded", ""));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(receivedArgs).containsExactly("in", "out", "--flag");
    }

    @Test
    void configExceptionIsAUsageError() {
        assertThat(run(ThrowsConfigException.class)).isEqualTo(
                new DriverOutcome(ExitCode.USAGE, "bad configuration", "Unknown key 'spindle.executor.memroy'."));
    }

    @Test
    void configExceptionFoundInTheCauseChainIsAUsageError() {
        assertThat(run(ThrowsWrappedConfigException.class)).isEqualTo(
                new DriverOutcome(ExitCode.USAGE, "bad configuration", "spindle.executor.cores must be positive"));
    }

    @Test
    void taskFailureIsAJobFailureCarryingTheTasksStackTrace() {
        assertThat(run(ThrowsTaskFailed.class)).isEqualTo(new DriverOutcome(ExitCode.JOB_FAILED, "task failed",
                "Stage 0 (count) failed: task 3 failed 4 times\n" + BAD_ROW.stackTrace()));
    }

    @Test
    void infrastructureFailureExitsWithFour() {
        DriverOutcome outcome = run(ThrowsInfrastructure.class);

        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.INFRASTRUCTURE, "infrastructure failure",
                "7 executors failed (spindle.executor.maxFailures=6)"));
        assertThat(outcome.exit().code()).isEqualTo(4);
    }

    @Test
    void anyOtherExceptionIsAJobFailureWithTheExceptionAndWhereItWasThrown() {
        DriverOutcome outcome = run(ThrowsOther.class);

        assertThat(List.of(outcome.exit(), outcome.reason())).containsExactly(ExitCode.JOB_FAILED, "job failed");
        assertThat(outcome.diagnostics())
                .startsWith("The job's main method threw java.lang.UnsupportedOperationException: not yet\n")
                .contains("at " + ThrowsOther.class.getName() + ".main(DriverRunnerTest.java:");
    }

    @Test
    void missingClassIsAUsageErrorNamingTheClass() {
        DriverOutcome outcome = DriverRunner.run("io.example.NoSuchJob", List.of(), testLoader);

        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.USAGE, "main class not found",
                "Main class 'io.example.NoSuchJob' was not found on the application's classpath: io.example.NoSuchJob"));
    }

    @Test
    void nonStaticMainIsAUsageError() {
        DriverOutcome outcome = run(InstanceMain.class);

        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.USAGE, "bad main class",
                "Main class '" + InstanceMain.class.getName() + "' has no static main(String[]) method."));
        assertThat(receivedArgs).isNull();
    }

    @Test
    void classWithoutMainIsAUsageError() {
        assertThat(run(NoMain.class)).isEqualTo(new DriverOutcome(ExitCode.USAGE, "bad main class",
                "Main class '" + NoMain.class.getName() + "' has no static main(String[]) method."));
    }

    /**
     * Bug: a main class whose static initializer throws makes {@code run} throw
     * {@link ExceptionInInitializerError} instead of returning an outcome, so the launcher cannot
     * map it to the exit-code contract (locally the CLI exits 1, "a bug in Spindle").
     */
    @Test
    void mainClassFailingInItsStaticInitializerIsClassifiedByTheCause() {
        DriverOutcome outcome = run(FailsInStaticInitializer.class);

        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.USAGE, "bad configuration",
                "Bad value for spindle.example.key in a static initializer"));
    }

    @Test
    void longDiagnosticsAreCutAtTheLimitWithANote() {
        DriverOutcome outcome = run(ThrowsHugeMessage.class);

        assertThat(outcome.diagnostics()).isEqualTo("x".repeat(DriverRunner.MAX_DIAGNOSTICS_CHARS) + TRUNCATION_NOTE);
        assertThat(DriverRunner.MAX_DIAGNOSTICS_CHARS).isEqualTo(8_000);
    }

    @Test
    void longTaskStackTraceIsCutAtTheLimitWithANote() {
        DriverOutcome outcome = run(ThrowsHugeTaskFailure.class);

        String full = "Stage 0 failed\n" + "\tat io.example.Recurse.f(Recurse.java:1)\n".repeat(1000);
        assertThat(outcome).isEqualTo(new DriverOutcome(ExitCode.JOB_FAILED, "task failed",
                full.substring(0, DriverRunner.MAX_DIAGNOSTICS_CHARS) + TRUNCATION_NOTE));
    }

    @Test
    void diagnosticsAtExactlyTheLimitAreKeptWhole() {
        String exactly = "y".repeat(DriverRunner.MAX_DIAGNOSTICS_CHARS);

        assertThat(DriverRunner.classify(new ConfigException(exactly)))
                .isEqualTo(new DriverOutcome(ExitCode.USAGE, "bad configuration", exactly));
    }

    @Test
    void mainRunsWithTheApplicationLoaderAsContextLoaderWhichIsRestoredAfterwards() throws Exception {
        ClassLoader before = new URLClassLoader(new URL[0], testLoader);
        Thread.currentThread().setContextClassLoader(before);
        try (URLClassLoader application = new URLClassLoader(new URL[0], testLoader)) {
            DriverOutcome outcome = DriverRunner.run(Succeeds.class.getName(), List.of(), application);

            assertThat(List.of(outcome.exit(), contextLoaderInMain, Thread.currentThread().getContextClassLoader()))
                    .containsExactly(ExitCode.SUCCESS, application, before);
        }
    }

    @Test
    void contextLoaderIsRestoredWhenMainThrows() throws Exception {
        ClassLoader before = new URLClassLoader(new URL[0], testLoader);
        Thread.currentThread().setContextClassLoader(before);
        try (URLClassLoader application = new URLClassLoader(new URL[0], testLoader)) {
            DriverOutcome outcome = DriverRunner.run(ThrowsOther.class.getName(), List.of(), application);

            assertThat(List.of(outcome.exit(), contextLoaderInMain, Thread.currentThread().getContextClassLoader()))
                    .containsExactly(ExitCode.JOB_FAILED, application, before);
        }
    }
}
