package io.spindle.jobs.cli;

import io.spindle.jobs.bench.BenchCommand;
import io.spindle.jobs.demo.DemoCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/spindle} and {@code yarn jar spindle-jobs.jar}: submit, status, kill, demo.
 * Exit codes follow {@link io.spindle.am.client.ExitCode}.
 */
@Command(name = "spindle", mixinStandardHelpOptions = true, version = "Spindle 0.1.0",
        description = "Batch ETL on YARN: submit jobs, follow and kill applications, run the demo.",
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad arguments or configuration,",
                "3 job failed (user code or data), 4 infrastructure (YARN/HDFS/AM), 5 killed."})
public final class SpindleMain implements Runnable {

    /** The subcommands, in the order the help lists them ({@code help} comes last). */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("submit", SubmitCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("kill", KillCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("bench", BenchCommand::new);
        return commands;
    }

    public static void main(String[] args) {
        StartupWarmup.startFor(args);
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args);
    }

    /** The whole command line, every subcommand modelled. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that
     * subcommand is modelled. picocli reads each command's annotations by reflection, which is a
     * good part of a short command's start-up; a command never sees its siblings, so parsing,
     * help and errors are the same (SpindleMainTest compares them).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine commandLine = new CommandLine(new SpindleMain());
        String only = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        SUBCOMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
        if (only == null) {
            commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        }
        if (commandLine.getSubcommands().containsKey("submit")) {
            // Everything after the application jar belongs to the job, even if it looks like an option.
            commandLine.getSubcommands().get("submit").setStopAtPositional(true);
        }
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
