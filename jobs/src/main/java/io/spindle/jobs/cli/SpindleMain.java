package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.jobs.bench.BenchCommand;
import io.spindle.jobs.demo.DemoCommand;
import io.spindle.metastore.NameSuggestions;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bin/spindle} and {@code yarn jar spindle-jobs.jar}: submit, status, kill, demo, bench.
 * Exit codes follow {@link ExitCode}: 0 success, 2 for a command line that does not parse (the
 * error names the option or argument, then the command's help), 1 for an unexpected exception.
 */
public final class SpindleMain {
    static final String VERSION = "Spindle 0.1.0";
    private static final String DESCRIPTION =
            "Batch ETL on YARN: submit jobs, follow and kill applications, run the demo.";
    private static final String FOOTER = "Exit codes: 0 success, 1 internal error, 2 bad arguments or configuration,"
            + System.lineSeparator() + "3 job failed (user code or data), 4 infrastructure (YARN/HDFS/AM), 5 killed.";

    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<SpindleCommand>> COMMANDS = commands();

    private final PrintWriter out;
    private final PrintWriter err;
    private boolean warmUp; // only bin/spindle's process warms up, not a caller of execute()

    private SpindleMain(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    private static Map<String, Supplier<SpindleCommand>> commands() {
        Map<String, Supplier<SpindleCommand>> commands = new LinkedHashMap<>();
        commands.put("submit", SubmitCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("kill", KillCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("bench", BenchCommand::new);
        return commands;
    }

    public static void main(String[] args) {
        SpindleMain commandLine = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        commandLine.warmUp = true;
        int exitCode = commandLine.execute(args);
        if (exitCode == ExitCode.SUCCESS.code()) {
            JitHistory.recordThisProcess(); // bin/spindle's choice of JIT for this job's next run
        }
        System.exit(exitCode);
    }

    /** Whether {@code args} parse into a command that starts a local session (no warm-up otherwise). */
    static boolean startsLocalSession(String... args) {
        Supplier<SpindleCommand> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (named == null) {
            return false;
        }
        SpindleCommand command = named.get();
        try {
            return command.spec().parse(Arrays.asList(args).subList(1, args.length)) == CommandSpec.Outcome.RUN
                    && command.startsLocalSession();
        } catch (CommandSpec.UsageException e) {
            return false;
        }
    }

    /** The command line writing to {@code out} and {@code err}; {@link #execute(String...)} runs it. */
    public static SpindleMain commandLine(PrintWriter out, PrintWriter err) {
        return new SpindleMain(out, err);
    }

    /** Parses {@code args}, runs the command they name and returns its exit code. */
    public int execute(String... args) {
        try {
            return dispatch(Arrays.asList(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
            out.print(usage());
            return ExitCode.SUCCESS.code();
        }
        String first = args.get(0);
        if (first.equals("-V") || first.equals("--version")) {
            out.println(VERSION);
            return ExitCode.SUCCESS.code();
        }
        if (first.equals("help")) {
            return help(args.subList(1, args.size()));
        }
        Supplier<SpindleCommand> command = COMMANDS.get(first);
        if (command == null) {
            err.println(first.startsWith("-") ? "Unknown option: '" + first + "'"
                    : (args.size() == 1 ? "Unmatched argument at index 0: '" : "Unmatched arguments from index 0: '")
                            + String.join("', '", args) + "'");
            List<String> close = NameSuggestions.within(first, COMMANDS.keySet(), CommandSpec.SUGGESTION_DISTANCE);
            if (!close.isEmpty()) {
                err.println("Did you mean: spindle " + String.join(" or spindle ", close) + "?");
            }
            err.print(usage());
            return ExitCode.USAGE.code();
        }
        return run(command.get(), args.subList(1, args.size()));
    }

    private int run(SpindleCommand command, List<String> args) {
        CommandSpec spec = command.spec();
        try {
            switch (spec.parse(args)) {
                case HELP:
                    out.print(spec.usage("spindle " + spec.name()));
                    return ExitCode.SUCCESS.code();
                case VERSION:
                    out.println(VERSION);
                    return ExitCode.SUCCESS.code();
                case RUN:
                    if (warmUp && command.startsLocalSession()) {
                        StartupWarmup.start();
                    }
                    return command.call(out, err);
                default:
                    throw new IllegalStateException("unreachable");
            }
        } catch (CommandSpec.UsageException e) {
            err.println(e.getMessage());
            err.print(spec.usage("spindle " + spec.name()));
            return ExitCode.USAGE.code();
        } catch (Exception e) {
            e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    private int help(List<String> args) {
        if (args.isEmpty()) {
            out.print(usage());
            return ExitCode.SUCCESS.code();
        }
        Supplier<SpindleCommand> command = COMMANDS.get(args.get(0));
        if (command == null) {
            err.println("Unknown subcommand '" + args.get(0) + "'.");
            err.print(usage());
            return ExitCode.USAGE.code();
        }
        CommandSpec spec = command.get().spec();
        out.print(spec.usage("spindle " + spec.name()));
        return ExitCode.SUCCESS.code();
    }

    /** The top-level help: the commands and the exit codes. */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: spindle [-hV] [COMMAND]").append(System.lineSeparator());
        text.append(CommandSpec.wrap(DESCRIPTION, 0, 0));
        CommandSpec.row(text, "-h, --help", "Show this help message and exit.");
        CommandSpec.row(text, "-V, --version", "Print version information and exit.");
        text.append("Commands:").append(System.lineSeparator());
        for (Supplier<SpindleCommand> command : COMMANDS.values()) {
            CommandSpec spec = command.get().spec();
            CommandSpec.row(text, spec.name(), spec.description());
        }
        CommandSpec.row(text, "help", "Display help information about the specified command.");
        return text.append(System.lineSeparator()).append(FOOTER).append(System.lineSeparator()).toString();
    }
}
