package io.spindle.jobs.cli;

import io.spindle.jobs.demo.DemoCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/spindle} and {@code yarn jar spindle-jobs.jar}: submit, status, kill, demo.
 * Exit codes follow {@link io.spindle.am.client.ExitCode}.
 */
@Command(name = "spindle", mixinStandardHelpOptions = true, version = "Spindle 0.1.0",
        description = "Batch ETL on YARN: submit jobs, follow and kill applications, run the demo.",
        subcommands = {SubmitCommand.class, StatusCommand.class, KillCommand.class, DemoCommand.class,
                io.spindle.jobs.bench.BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad arguments or configuration,",
                "3 job failed (user code or data), 4 infrastructure (YARN/HDFS/AM), 5 killed."})
public final class SpindleMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StartupWarmup.startFor(args);
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SpindleMain());
        // Everything after the application jar belongs to the job, even if it looks like an option.
        commandLine.getSubcommands().get("submit").setStopAtPositional(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(error -> (error instanceof CommandLine.ParameterException ? io.spindle.am.client.ExitCode.USAGE : io.spindle.am.client.ExitCode.INTERNAL_ERROR).code());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
