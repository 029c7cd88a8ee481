package io.spindle.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.minicluster.jobs.PartitionJobs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.SignalContainerCommand;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into running applications: an executor container killed mid-job, and the whole
 * application killed through {@code spindle kill}.
 */
@ExtendWith(MiniClusterExtension.class)
@Timeout(240)
class ExecutorFailureTest {

    @TempDir
    Path localTemp;

    @Test
    void executorKilledThroughYarnIsReplacedAndTheJobSucceedsWithExactOutput() throws Exception {
        FileSystem fs = MiniClusterExtension.cluster().fileSystem();
        String gate = "/it/gates/" + UUID.randomUUID();
        String output = "/it/executor-killed/out";
        Path resultFile = localTemp.resolve("result.json");
        String name = "it-executor-killed";
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.submit(name,
                List.of("spindle.executor.instances=2"), PartitionJobs.Gated.class.getName(), appJar(),
                "6", gate, output));

        ApplicationReport app = AmStatus.awaitRunning(name);
        String[] victim = new String[1];
        Eventually.waitFor("both executors running a task", Duration.ofSeconds(90), () -> {
            List<JsonNode> executors = AmStatus.executors(AmStatus.fetch(app));
            if (executors.size() == 2 && executors.stream().allMatch(e -> e.path("runningTasks").asInt() == 1)) {
                victim[0] = executors.get(0).path("containerId").asText();
                return true;
            }
            return false;
        });

        YarnClient yarn = ClusterApps.client();
        try {
            yarn.signalToContainer(ContainerId.fromString(victim[0]), SignalContainerCommand.FORCEFUL_SHUTDOWN);
        } finally {
            yarn.stop();
        }
        Eventually.waitFor("a replacement executor registered", Duration.ofSeconds(90), () ->
                AmStatus.executors(AmStatus.fetch(app)).stream().anyMatch(e -> e.path("executorId").asText().equals("3")));
        fs.create(new org.apache.hadoop.fs.Path(gate)).close();

        CliRun result = run.get(120, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SUCCESS.code());
        assertThat(YarnSubmissionTest.read(output)).isEqualTo("6\t" + YarnSubmissionTest.expectedSum(6) + "\n");
        assertThat(result.out()).contains("SUCCEEDED");
        YarnSubmissionTest.assertNoStagingLeft();
    }

    @Test
    void killedApplicationEndsKilledWithExitCode5AndLeavesNothingBehind() throws Exception {
        String gate = "/it/gates/never-" + UUID.randomUUID();
        String name = "it-killed";
        Path resultFile = localTemp.resolve("killed.json");
        String confDir = MiniClusterExtension.cluster().clientConfigDir().toString();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("submit", "--master", "yarn",
                "--hadoop-conf-dir", confDir, "--name", name, "--result-file", resultFile.toString(),
                "--conf", "spindle.am.memory=256m", "--conf", "spindle.executor.memory=256m",
                "--conf", "spindle.executor.memoryOverhead=128m", "--conf", "spindle.yarn.reportInterval=100ms",
                "--class", PartitionJobs.WarmUpThenGated.class.getName(), appJar(), "4", gate, "/it/killed/out"));

        ApplicationReport app = AmStatus.awaitRunning(name);
        // The warm-up stage's 4 tasks are done and the gated stage's 4 are known: the AM reports half.
        Eventually.waitFor("the ResourceManager reporting the AM's progress of 50%", Duration.ofSeconds(90), () ->
                Math.abs(ClusterApps.report(app.getApplicationId().toString()).getProgress() - 0.5f) < 0.01f);
        Eventually.waitFor("gated tasks running", Duration.ofSeconds(90), () ->
                AmStatus.executors(AmStatus.fetch(app)).stream().anyMatch(e -> e.path("runningTasks").asInt() > 0));

        CliRun kill = CliRun.of("kill", "--hadoop-conf-dir", confDir, app.getApplicationId().toString());
        assertThat(kill.exitCode()).as(kill.toString()).isZero();
        assertThat(kill.out()).contains(app.getApplicationId() + ": KILLED");

        CliRun submitted = run.get(120, TimeUnit.SECONDS);
        assertThat(submitted.exitCode()).as(submitted.toString()).isEqualTo(ExitCode.KILLED.code());
        JobResult result;
        try (InputStream in = Files.newInputStream(resultFile)) {
            result = JobResult.read(in);
        }
        assertThat(result.finalStatus()).isEqualTo("KILLED");

        CliRun status = CliRun.of("status", "--hadoop-conf-dir", confDir, app.getApplicationId().toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("State:        KILLED").contains("Name:         " + name);
        assertThat(MiniClusterExtension.cluster().fileSystem().exists(new org.apache.hadoop.fs.Path("/it/killed/out")))
                .isFalse();
        YarnSubmissionTest.assertNoStagingLeft();
    }

    @Test
    void executorsFailingPastTheLimitFailTheApplicationAsInfrastructureWithExitCode4() throws Exception {
        Path resultFile = localTemp.resolve("executors-failing.json");
        CliRun run = CliRun.of("submit", "--master", "yarn",
                "--hadoop-conf-dir", MiniClusterExtension.cluster().clientConfigDir().toString(),
                "--name", "it-executors-failing", "--result-file", resultFile.toString(),
                "--conf", "spindle.am.memory=256m", "--conf", "spindle.executor.memory=256m",
                "--conf", "spindle.executor.memoryOverhead=128m", "--conf", "spindle.yarn.reportInterval=100ms",
                "--conf", "spindle.executor.maxFailures=1", "--conf", "spindle.task.maxAttempts=8",
                "--class", PartitionJobs.KillExecutor.class.getName(), appJar(), "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INFRASTRUCTURE.code());
        assertThat(run.err()).contains("executor containers failed, more than spindle.executor.maxFailures=1")
                .contains("exited with status 42");
        JobResult result;
        try (InputStream in = Files.newInputStream(resultFile)) {
            result = JobResult.read(in);
        }
        assertThat(result.finalStatus()).isEqualTo("FAILED");
        assertThat(result.exitReason()).isEqualTo("infrastructure failure");
        YarnSubmissionTest.assertNoStagingLeft();
    }

    @Test
    void statusOfAnUnknownApplicationIsAUsageError() {
        CliRun status = CliRun.of("status", "--hadoop-conf-dir",
                MiniClusterExtension.cluster().clientConfigDir().toString(), "application_1_0001");
        assertThat(status.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(status.err()).contains("application_1_0001").contains("not known");
    }

    private static String appJar() {
        try {
            return TestApplicationJar.get().toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
