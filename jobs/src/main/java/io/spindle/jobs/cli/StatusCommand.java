package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.YarnSubmissionClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle status <appId>}: what YARN knows about an application. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show an application's state.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", description = "application id, e.g. application_1732700000000_0001")
    String applicationId;

    @Override
    public Integer call() {
        try (YarnSubmissionClient client = new YarnSubmissionClient(cluster.hadoopConf(), new PrintStream(System.err, true))) {
            ApplicationReport report = client.report(applicationId);
            var out = spec.commandLine().getOut();
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
            spec.commandLine().getErr().println("spindle status: " + e.getMessage());
            return e.exitCode().code();
        }
    }
}
