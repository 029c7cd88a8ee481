package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.YarnSubmissionClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle kill <appId>}: kills an application and waits until YARN reports it ended. */
@Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill an application.")
public final class KillCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", description = "application id")
    String applicationId;

    @Override
    public Integer call() {
        try (YarnSubmissionClient client = new YarnSubmissionClient(cluster.hadoopConf(), new PrintStream(System.err, true))) {
            ApplicationReport report = client.kill(applicationId, Duration.ofSeconds(60));
            YarnApplicationState state = report.getYarnApplicationState();
            spec.commandLine().getOut().println(applicationId + ": " + state + " (" + report.getFinalApplicationStatus() + ")");
            return state == YarnApplicationState.KILLED || state == YarnApplicationState.FINISHED
                    || state == YarnApplicationState.FAILED ? ExitCode.SUCCESS.code() : ExitCode.INFRASTRUCTURE.code();
        } catch (SubmissionException e) {
            spec.commandLine().getErr().println("spindle kill: " + e.getMessage());
            return e.exitCode().code();
        }
    }
}
