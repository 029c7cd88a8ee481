package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.YarnSubmissionClient;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/** {@code spindle status <appId>}: what YARN knows about an application. */
public final class StatusCommand implements SpindleCommand {

    private final ClusterOptions cluster = new ClusterOptions();
    private String applicationId;

    @Override
    public CommandSpec spec() {
        return cluster.addTo(new CommandSpec("status", "Show an application's state."))
                .parameter("applicationId", "application id, e.g. application_1732700000000_0001", CommandSpec.ValueType.STRING, value -> applicationId = value);
    }

    @Override
    public int call(PrintWriter out, PrintWriter err) {
        try (YarnSubmissionClient client = new YarnSubmissionClient(cluster.hadoopConf(), new PrintStream(System.err, true))) {
            ApplicationReport report = client.report(applicationId);
            out.println("Application:  " + report.getApplicationId());
            out.println("Name:         " + report.getName());
            out.println("Queue:        " + report.getQueue());
            out.println("State:        " + report.getYarnApplicationState());
            out.println("Final status: " + report.getFinalApplicationStatus());
            out.printf("Progress:     %d%%%n", Math.round(report.getProgress() * 100));
            out.println("Tracking URL: " + report.getTrackingUrl());
            if (report.getDiagnostics() != null && !report.getDiagnostics().isBlank()) {
                out.println("Diagnostics:  " + report.getDiagnostics());
            }
            return ExitCode.SUCCESS.code();
        } catch (SubmissionException e) {
            err.println("spindle status: " + e.getMessage());
            return e.exitCode().code();
        }
    }
}
