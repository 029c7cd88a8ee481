package io.spindle.jobs.cli;

import java.io.PrintWriter;

/** One {@code bin/spindle} subcommand: its options bound to its fields, and what it does. */
public interface SpindleCommand {

    /** The command's name, description, options and parameters, whose setters fill this object. */
    CommandSpec spec();

    /**
     * Runs the command after its arguments were parsed; returns the exit code. Throws
     * {@link CommandSpec.UsageException} for arguments that parse but make no sense (exit code 2).
     */
    int call(PrintWriter out, PrintWriter err) throws Exception;

    /**
     * Whether, with the arguments parsed, the command starts a local session in this process (then
     * {@code bin/spindle} warms its one-time initialisation up on a second thread, {@link StartupWarmup}).
     */
    default boolean startsLocalSession() {
        return false;
    }
}
