package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.exec.StageSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run summary written by the AM, completed by the client, and read back by schedulers. */
class JobResultTest {

    private static Map<String, Long> timeline(Object... stepsAndTimes) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (int i = 0; i < stepsAndTimes.length; i += 2) {
            steps.put((String) stepsAndTimes[i], ((Number) stepsAndTimes[i + 1]).longValue());
        }
        return steps;
    }

    private static JobResult fromAm() {
        return new JobResult("application_1700000000000_0003", "nightly-counts", "UNDEFINED", 3, "task failed",
                "Stage 1 failed: java.lang.IllegalStateException: bad row 17\n\tat Job.map(Job.java:12)", "",
                0, 1_700_000_005_000L, 9_000,
                List.of(new StageSummary(0, "read", 4, 4, 0, 1200, true),
                        new StageSummary(1, "count", 8, 7, 4, 3400, false)),
                timeline("amStarted", 1_700_000_001_000L, "amRegistered", 1_700_000_002_000L,
                        "executorsRequested", 1_700_000_002_100L, "firstExecutorRegistered", 1_700_000_004_000L,
                        "firstTaskLaunched", 1_700_000_005_000L, "jobFinished", 1_700_000_010_000L));
    }

    private static JobResult roundTrip(JobResult result) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result.write(bytes);
        return JobResult.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void jsonRoundTripGivesAnEqualRecordWithTimelineInOrder() throws IOException {
        JobResult original = fromAm();

        JobResult read = roundTrip(original);

        assertThat(read).isEqualTo(original);
        assertThat(read.timeline().keySet()).containsExactly("amStarted", "amRegistered", "executorsRequested",
                "firstExecutorRegistered", "firstTaskLaunched", "jobFinished");
    }

    @Test
    void toJsonReadsBackToTheSameRecord() throws IOException {
        JobResult original = fromAm();

        JobResult read = JobResult.read(new ByteArrayInputStream(original.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(original);
    }

    @Test
    void jsonRoundTripKeepsEmptyStagesAndTimeline() throws IOException {
        JobResult local = new JobResult("local", "io.example.Job", "SUCCEEDED", 0, "succeeded", "", "",
                1_700_000_000_000L, 0, 250, List.of(), Map.of());

        assertThat(roundTrip(local)).isEqualTo(local);
    }

    @Test
    void clientViewKeepsTheAmFieldsAndAddsTheClientsWithSubmittedFirst() {
        JobResult am = fromAm();

        JobResult client = am.withClientView("FAILED", 1_700_000_000_000L, 11_000, "http://rm.example:8088/proxy/app_3/");

        assertThat(client).isEqualTo(new JobResult(am.applicationId(), am.appName(), "FAILED", 3, "task failed",
                am.diagnostics(), "http://rm.example:8088/proxy/app_3/", 1_700_000_000_000L, 1_700_000_005_000L, 11_000,
                am.stages(), timeline("submitted", 1_700_000_000_000L, "amStarted", 1_700_000_001_000L,
                        "amRegistered", 1_700_000_002_000L, "executorsRequested", 1_700_000_002_100L,
                        "firstExecutorRegistered", 1_700_000_004_000L, "firstTaskLaunched", 1_700_000_005_000L,
                        "jobFinished", 1_700_000_010_000L)));
        assertThat(client.timeline().keySet()).containsExactly("submitted", "amStarted", "amRegistered",
                "executorsRequested", "firstExecutorRegistered", "firstTaskLaunched", "jobFinished");
    }

    @Test
    void clientViewKeepsTheClientsSubmitTimeWhenTheAmTimelineAlreadyHasOne() {
        JobResult am = new JobResult("application_1_0001", "job", "UNDEFINED", 0, "succeeded", "", "", 0, 0, 0,
                List.of(), timeline("amStarted", 20L, "submitted", 5L, "jobFinished", 30L));

        JobResult client = am.withClientView("SUCCEEDED", 10L, 25L, "url");

        assertThat(client.timeline()).containsExactly(Map.entry("submitted", 10L), Map.entry("amStarted", 20L),
                Map.entry("jobFinished", 30L));
    }

    @Test
    void clientViewOfAResultWithoutTimelineHasOnlySubmitted() {
        JobResult am = new JobResult("application_1_0001", "job", "UNDEFINED", 0, "succeeded", "", "", 0, 0, 0,
                List.of(), null);

        assertThat(am.withClientView("SUCCEEDED", 10L, 25L, "url").timeline()).containsExactly(Map.entry("submitted", 10L));
    }

    @Test
    void timelineSurvivesJsonInOrderAfterTheClientView() throws IOException {
        JobResult client = fromAm().withClientView("FAILED", 1_700_000_000_000L, 11_000, "url");

        JobResult read = roundTrip(client);

        assertThat(read).isEqualTo(client);
        assertThat(read.timeline().keySet()).containsExactlyElementsOf(client.timeline().keySet());
    }

    @Test
    void exitMapsTheCodeToTheContractAndUnknownCodesToInternalError() {
        JobResult am = fromAm();

        assertThat(List.of(am.exit(), new JobResult("a", "n", "FAILED", 4, "", "", "", 0, 0, 0, List.of(), Map.of()).exit(),
                new JobResult("a", "n", "FAILED", 42, "", "", "", 0, 0, 0, List.of(), Map.of()).exit()))
                .containsExactly(ExitCode.JOB_FAILED, ExitCode.INFRASTRUCTURE, ExitCode.INTERNAL_ERROR);
    }
}
