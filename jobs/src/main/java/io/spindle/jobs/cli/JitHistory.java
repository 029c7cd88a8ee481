package io.spindle.jobs.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;

/**
 * The record behind {@code bin/spindle}'s choice of JIT for a job: after a job succeeds, its
 * process's CPU time and the mode its next run should use, {@code quick} (C1 only) or
 * {@code tiered}. A tiered run under {@link #QUICK_BELOW_CPU_MILLIS} CPU milliseconds goes quick;
 * a quick run stays quick under {@link #STAY_QUICK_BELOW_CPU_MILLIS}, since the same job takes
 * more CPU without C2 (the gap keeps a job near the line from changing mode on every run). The
 * launcher names the file ({@code -Dspindle.jit.history}) and the mode it started this JVM in
 * ({@code -Dspindle.jit}), and reads the record's first word before it starts the next run's JVM.
 *
 * <p>Best effort: a record that cannot be written leaves the next run on the default (tiered),
 * and never changes the job's exit code.
 */
public final class JitHistory {
    /** Under this much CPU (run tiered) a job gains more from C1 alone than C2 would give it back. */
    static final long QUICK_BELOW_CPU_MILLIS = 5_000;

    /** A job that ran quick stays quick under this much CPU. */
    static final long STAY_QUICK_BELOW_CPU_MILLIS = 7_500;

    static final String FILE_PROPERTY = "spindle.jit.history";

    static final String MODE_PROPERTY = "spindle.jit";

    private JitHistory() {
    }

    /**
     * The JIT mode bin/spindle started this JVM in ({@code -Dspindle.jit}: quick, tiered or
     * custom), or {@code default} for a JVM started otherwise (the JVM's own tiered compilation).
     */
    public static String launchedMode() {
        return System.getProperty(MODE_PROPERTY, "default");
    }

    /** The mode for the next run of a job whose last run, in mode {@code ran}, took {@code cpuMillis}. */
    static String modeFor(String ran, long cpuMillis) {
        long limit = "quick".equals(ran) ? STAY_QUICK_BELOW_CPU_MILLIS : QUICK_BELOW_CPU_MILLIS;
        return cpuMillis < limit ? "quick" : "tiered";
    }

    /**
     * Records this process's CPU time in the file the launcher named, if it named one. Never
     * throws: the job has succeeded and exits with its own code whatever happens here.
     */
    static void recordThisProcess() {
        try {
            String file = System.getProperty(FILE_PROPERTY);
            if (file == null || file.isEmpty()) {
                return;
            }
            OptionalLong cpuMillis = processCpuMillis();
            if (cpuMillis.isPresent()) {
                record(Path.of(file), launchedMode(), cpuMillis.getAsLong());
            }
        } catch (Throwable e) {
            // no record: the next run uses the default
        }
    }

    /**
     * Writes "{@code <mode> cpu_ms=<n>}" to {@code file}, replacing it whole (a concurrent run of
     * the same job reads the old record or the new one, never half of one).
     */
    static boolean record(Path file, String ran, long cpuMillis) {
        String line = modeFor(ran, cpuMillis) + " cpu_ms=" + cpuMillis + System.lineSeparator();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temporary, line, StandardCharsets.UTF_8);
            try { // readable by the other users of a shared installation, as a plain write would be
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // nothing more to do: the next run uses the default
            }
            return false;
        }
    }

    /**
     * CPU time of the whole process (every thread, user and system) from {@code /proc/self/stat}
     * (clock ticks, which Linux reports at 100 per second), or the platform's management bean
     * elsewhere.
     */
    static OptionalLong processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            OptionalLong ticks = cpuTicks(stat);
            if (ticks.isPresent()) {
                return OptionalLong.of(ticks.getAsLong() * 10);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JVM
        }
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    && os.getProcessCpuTime() >= 0) {
                return OptionalLong.of(os.getProcessCpuTime() / 1_000_000);
            }
        } catch (RuntimeException | LinkageError e) {
            // no CPU time to go by: no record
        }
        return OptionalLong.empty();
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. The process name (field
     * 2) is in parentheses and may itself hold spaces and parentheses, so fields are counted from
     * the last ')'.
     */
    static OptionalLong cpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split(" +");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        if (fields.length < 13) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
