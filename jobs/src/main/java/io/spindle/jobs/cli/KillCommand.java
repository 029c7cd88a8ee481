package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.YarnSubmissionClient;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** {@code spindle kill <appId>}: kills an application and waits until YARN reports it ended. */
public final class KillCommand implements SpindleCommand {

    private final ClusterOptions cluster = new ClusterOptions();
    private String applicationId;

    @Override
    public CommandSpec spec() {
        return cluster.addTo(new CommandSpec("kill", "Kill an application."))
                .parameter("applicationId", "application id", CommandSpec.ValueType.STRING, value -> applicationId = value);
    }

    @Override
    public int call(PrintWriter out, PrintWriter err) {
        try (YarnSubmissionClient client = new YarnSubmissionClient(cluster.hadoopConf(), new PrintStream(System.err, true))) {
            ApplicationReport report = client.kill(applicationId, Duration.ofSeconds(60));
            YarnApplicationState state = report.getYarnApplicationState();
            out.println(applicationId + ": " + state + " (" + report.getFinalApplicationStatus() + ")");
            return state == YarnApplicationState.KILLED || state == YarnApplicationState.FINISHED
                    || state == YarnApplicationState.FAILED ? ExitCode.SUCCESS.code() : ExitCode.INFRASTRUCTURE.code();
        } catch (SubmissionException e) {
            err.println("spindle kill: " + e.getMessage());
            return e.exitCode().code();
        }
    }
}
