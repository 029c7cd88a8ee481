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
}
