package io.spindle.am.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spindle.exec.StageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The summary of one application run: written by the AM next to the staging files, completed by
 * the client, and written to {@code --result-file} for schedulers.
 *
 * @param finalStatus YARN's final status: SUCCEEDED, FAILED, KILLED or UNDEFINED
 * @param exitCode the {@link ExitCode} number the client exits with
 * @param firstTaskEpochMillis when the first task started (epoch ms), 0 when none ran
 * @param durationMillis from submission (or, for the AM's own record, from AM start) to the end
 * @param timeline when each step of the run happened (epoch ms), in order: submitted, amStarted,
 *     amRegistered, executorsRequested, firstExecutorRegistered, firstTaskLaunched, jobFinished
 */
public record JobResult(
        String applicationId,
        String appName,
        String finalStatus,
        int exitCode,
        String exitReason,
        String diagnostics,
        String trackingUrl,
        long submitEpochMillis,
        long firstTaskEpochMillis,
        long durationMillis,
        List<StageSummary> stages,
        Map<String, Long> timeline) {

    public static final String FILE_NAME = "_spindle_result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ExitCode exit() {
        return ExitCode.fromCode(exitCode);
    }

    public JobResult withClientView(String finalStatus, long submitEpochMillis, long durationMillis, String trackingUrl) {
        return new JobResult(applicationId, appName, finalStatus, exitCode, exitReason, diagnostics,
                trackingUrl, submitEpochMillis, firstTaskEpochMillis, durationMillis, stages, withSubmitted(submitEpochMillis));
    }

    private Map<String, Long> withSubmitted(long submitted) {
        Map<String, Long> steps = new java.util.LinkedHashMap<>();
        steps.put("submitted", submitted);
        if (timeline != null) {
            timeline.forEach(steps::putIfAbsent);
        }
        return steps;
    }

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public static JobResult read(InputStream in) throws IOException {
        return JSON.readValue(in, JobResult.class);
    }
}
