package io.spindle.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.exec.StageSummary;
import io.spindle.jobs.cli.SpindleHome;
import io.spindle.jobs.demo.SampleText;
import io.spindle.jobs.linecount.LineWordCount;
import io.spindle.jobs.linecount.TextCounts;
import io.spindle.minicluster.jobs.PartitionJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs submitted through {@code spindle submit --master yarn} — the client path users take: jars
 * uploaded to a staging directory and localized by YARN, an AM in a container, executors in
 * containers — checked for their output, exit code, result file and cleanup.
 */
@ExtendWith(MiniClusterExtension.class)
@Timeout(180)
class YarnSubmissionTest {

    private static String appJar;

    @TempDir
    Path localTemp;

    @BeforeAll
    static void setUp() throws IOException {
        appJar = TestApplicationJar.get().toString();
    }

    @Test
    void lineWordCountCountsEverySplitOnce() throws IOException {
        String input = "/it/linecount/input";
        TextCounts expected = TextCounts.ZERO;
        for (int i = 0; i < 3; i++) {
            byte[] text = SampleText.generate(7 + i, 700_000, i != 2);
            write(input + "/part-" + i + ".txt", text);
            expected = expected.plus(TextCounts.of(text));
        }
        write(input + "/empty.txt", new byte[0]);
        write(input + "/_SUCCESS", "ignored marker\n".getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.submit("it-line-word-count", List.of("spindle.files.maxPartitionBytes=256k",
                        "spindle.executor.instances=2"), LineWordCount.class.getName(),
                SpindleHome.jobsJar().toString(), input,
                "/it/linecount/output");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SUCCESS.code());
        assertThat(TextCounts.parse(read("/it/linecount/output/part-00000"))).isEqualTo(expected);
        assertThat(fs().exists(new org.apache.hadoop.fs.Path("/it/linecount/output/_SUCCESS"))).isTrue();
        assertThat(run.out()).contains("Submitted application application_").contains("SUCCEEDED");
        assertNoStagingLeft();
    }

    @Test
    void resultFileDescribesTheRun() throws IOException {
        Path resultFile = localTemp.resolve("result.json");
        CliRun run = CliRun.of(withResultFile(resultFile, "it-result-file", PartitionJobs.Succeed.class, "6", "/it/succeed/out"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(read("/it/succeed/out")).isEqualTo("6\t" + expectedSum(6) + "\n");
        JobResult result;
        try (InputStream in = Files.newInputStream(resultFile)) {
            result = JobResult.read(in);
        }
        assertThat(result.applicationId()).startsWith("application_");
        assertThat(result.finalStatus()).isEqualTo("SUCCEEDED");
        assertThat(result.exitCode()).isZero();
        assertThat(result.durationMillis()).isPositive();
        assertThat(result.firstTaskEpochMillis()).isGreaterThan(result.submitEpochMillis());
        assertThat(result.stages()).extracting(StageSummary::name, StageSummary::tasks, StageSummary::succeededTasks,
                StageSummary::failedAttempts, StageSummary::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("partition values", 6, 6, 0, true));
        assertNoStagingLeft();
    }

    @Test
    void failingTaskFailsTheJobWithItsErrorAndExitCode3() throws IOException {
        Path resultFile = localTemp.resolve("failed.json");
        CliRun run = CliRun.of(withResultFile(resultFile, "it-always-fail", PartitionJobs.AlwaysFail.class, "4", "2"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.JOB_FAILED.code());
        assertThat(run.err()).contains("FAILED").contains("java.lang.IllegalStateException: bad record in partition 2")
                .contains("Task 2 of stage 'partition values'").contains("4 times");
        JobResult result;
        try (InputStream in = Files.newInputStream(resultFile)) {
            result = JobResult.read(in);
        }
        assertThat(result.finalStatus()).isEqualTo("FAILED");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.diagnostics()).contains("bad record in partition 2");
        assertThat(ClusterApps.report(result.applicationId()).getDiagnostics())
                .contains("bad record in partition 2");
        assertNoStagingLeft();
    }

    @Test
    void taskThatFailsOnceIsRetriedAndTheJobSucceeds() throws IOException {
        Path resultFile = localTemp.resolve("retried.json");
        CliRun run = CliRun.of(withResultFile(resultFile, "it-fail-once", PartitionJobs.FailOnce.class, "5", "/it/failonce/out"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(read("/it/failonce/out")).isEqualTo("5\t" + expectedSum(5) + "\n");
        JobResult result;
        try (InputStream in = Files.newInputStream(resultFile)) {
            result = JobResult.read(in);
        }
        assertThat(result.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.failedAttempts()).isEqualTo(1);
            assertThat(stage.succeededTasks()).isEqualTo(5);
        });
        assertNoStagingLeft();
    }

    @Test
    void unknownConfKeyFailsFastWithASuggestionAndExitCode2() {
        int appsBefore = ClusterApps.count();
        CliRun run = CliRun.submit("it-bad-conf", List.of("spindle.executor.memroy=1g"),
                PartitionJobs.Succeed.class.getName(), appJar, "1", "/it/never");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("spindle.executor.memroy").contains("Did you mean 'spindle.executor.memory'?");
        assertThat(ClusterApps.count()).isEqualTo(appsBefore);
    }

    @Test
    void missingMainClassFailsFastWithExitCode2() {
        int appsBefore = ClusterApps.count();
        CliRun run = CliRun.submit("it-missing-class", List.of(), "com.example.NoSuchJob", appJar);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("Main class 'com.example.NoSuchJob' was not found");
        assertThat(ClusterApps.count()).isEqualTo(appsBefore);
    }

    @Test
    void applicationNotStartedWithinTheSubmitTimeoutIsKilledWithExitCode4() throws IOException {
        CliRun run = CliRun.submit("it-submit-timeout", List.of("spindle.yarn.submitTimeout=1ms"),
                PartitionJobs.Succeed.class.getName(), appJar, "1", "/it/timeout/out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE.code());
        assertThat(run.err()).contains("did not start").contains("spindle.yarn.submitTimeout");
        Eventually.waitFor("the application killed", java.time.Duration.ofSeconds(30), () ->
                ClusterApps.byName("it-submit-timeout").getYarnApplicationState()
                        == org.apache.hadoop.yarn.api.records.YarnApplicationState.KILLED);
        assertNoStagingLeft();
    }

    @Test
    void unreachableResourceManagerFailsWithExitCode4NamingTheAddress(@TempDir Path confDir) throws IOException {
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        site.set("yarn.resourcemanager.address", "127.0.0.1:1");
        site.set("fs.defaultFS", "file:///");
        try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
        CliRun run = CliRun.of("submit", "--master", "yarn", "--hadoop-conf-dir", confDir.toString(),
                "--conf", "spindle.hadoop.yarn.resourcemanager.connect.max-wait.ms=1000",
                "--conf", "spindle.hadoop.yarn.resourcemanager.connect.retry-interval.ms=200",
                "--conf", "spindle.hadoop.ipc.client.connect.max.retries=0",
                "--class", PartitionJobs.Succeed.class.getName(), appJar, "1", "/it/never");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE.code());
        assertThat(run.err()).contains("Cannot reach the YARN ResourceManager at 127.0.0.1:1");
    }

    private String[] withResultFile(Path resultFile, String name, Class<?> job, String... jobArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("submit", "--master", "yarn",
                "--hadoop-conf-dir", MiniClusterExtension.cluster().clientConfigDir().toString(),
                "--name", name, "--result-file", resultFile.toString(),
                "--conf", "spindle.am.memory=256m", "--conf", "spindle.executor.memory=256m",
                "--conf", "spindle.executor.memoryOverhead=128m", "--conf", "spindle.yarn.reportInterval=100ms",
                "--class", job.getName(), appJar));
        args.addAll(List.of(jobArgs));
        return args.toArray(String[]::new);
    }

    static long expectedSum(int partitions) {
        return LongStream.range(0, partitions).map(p -> PartitionJobs.value((int) p)).sum();
    }

    static void write(String path, byte[] bytes) throws IOException {
        try (OutputStream out = fs().create(new org.apache.hadoop.fs.Path(path), true)) {
            out.write(bytes);
        }
    }

    static String read(String path) throws IOException {
        try (InputStream in = fs().open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The client removes each application's staging directory when it ends. */
    static void assertNoStagingLeft() throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle-staging");
        FileStatus[] left = fs.exists(root)
                ? fs.listStatus(root, path -> !path.getName().equals(".jar-cache")) : new FileStatus[0];
        assertThat(left).as("staging directories left behind").isEmpty();
        if (fs.exists(root)) {
            assertThat(fs.getFileStatus(root).getPermission().toShort()).isEqualTo((short) 0700);
        }
    }

    static FileSystem fs() {
        return MiniClusterExtension.cluster().fileSystem();
    }
}
