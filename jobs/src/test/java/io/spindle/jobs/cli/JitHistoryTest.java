package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record a local job leaves for bin/spindle's choice of JIT on its next run. */
class JitHistoryTest {
    @TempDir
    Path directory;

    @Test
    void aTieredJobUnderFiveCpuSecondsRunsQuickNextTimeAndALongerOneTiered() {
        for (String ran : new String[] {"tiered", "default", "custom"}) {
            assertThat(JitHistory.modeFor(ran, 0)).isEqualTo("quick");
            assertThat(JitHistory.modeFor(ran, JitHistory.QUICK_BELOW_CPU_MILLIS - 1)).isEqualTo("quick");
            assertThat(JitHistory.modeFor(ran, JitHistory.QUICK_BELOW_CPU_MILLIS)).isEqualTo("tiered");
            assertThat(JitHistory.modeFor(ran, 60_000)).isEqualTo("tiered");
        }
    }

    @Test
    void aQuickJobStaysQuickUpToTheHigherLimitSoThatAJobNearTheLineDoesNotFlip() {
        assertThat(JitHistory.STAY_QUICK_BELOW_CPU_MILLIS).isGreaterThan(JitHistory.QUICK_BELOW_CPU_MILLIS);
        assertThat(JitHistory.modeFor("quick", JitHistory.QUICK_BELOW_CPU_MILLIS + 1)).isEqualTo("quick");
        assertThat(JitHistory.modeFor("quick", JitHistory.STAY_QUICK_BELOW_CPU_MILLIS - 1)).isEqualTo("quick");
        assertThat(JitHistory.modeFor("quick", JitHistory.STAY_QUICK_BELOW_CPU_MILLIS)).isEqualTo("tiered");
    }

    @Test
    void theRecordIsTheModeAndTheCpuTimeAndReplacesTheLastOneWhole() throws IOException {
        Path file = directory.resolve("bench_--one-shot_--queries_q6");

        assertThat(JitHistory.record(file, "tiered", 2_345)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("quick cpu_ms=2345" + System.lineSeparator());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");

        assertThat(JitHistory.record(file, "quick", 9_100)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("tiered cpu_ms=9100" + System.lineSeparator());
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file); // no temporary file left beside it
        }
    }

    @Test
    void aRecordThatCannotBeWrittenIsSkippedAndLeavesNothingBehind() throws IOException {
        Path file = directory.resolve("missing-directory").resolve("submit_name=nightly");

        assertThat(JitHistory.record(file, "tiered", 1_000)).isFalse();
        assertThat(file.getParent()).doesNotExist();
        try (var listing = Files.list(directory)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void cpuTicksAreUserPlusSystemCountedFromTheLastParenthesis() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 1200 0 3 0 257 31 0 0 20 0 40 0";
        assertThat(JitHistory.cpuTicks(stat)).isEqualTo(OptionalLong.of(257 + 31));
        assertThat(JitHistory.cpuTicks("4242 (java) S 1 2")).isEmpty();
        assertThat(JitHistory.cpuTicks("no parenthesis here")).isEmpty();
        assertThat(JitHistory.cpuTicks("1 (x) S 1 1 1 0 -1 0 0 0 0 0 abc 3")).isEmpty();
    }

    @Test
    void thisProcessesCpuTimeIsReadAndGrowsWithWork() {
        long before = JitHistory.processCpuMillis().orElseThrow();
        assertThat(before).isPositive(); // the JVM's start-up alone took CPU
        long deadline = System.nanoTime() + 30_000_000_000L;
        long after = before;
        long sink = 0;
        while (after <= before && System.nanoTime() < deadline) {
            for (int i = 0; i < 5_000_000; i++) {
                sink += Long.hashCode(sink * 31 + i);
            }
            after = JitHistory.processCpuMillis().orElseThrow();
        }
        assertThat(after).as("sink %d", sink).isGreaterThan(before);
    }

    @Test
    void theProcessRecordsItsModeAndCpuTimeWhereTheLauncherSaid() throws IOException {
        String previousFile = System.getProperty(JitHistory.FILE_PROPERTY);
        String previousMode = System.getProperty(JitHistory.MODE_PROPERTY);
        Path file = directory.resolve("named");
        try {
            System.setProperty(JitHistory.FILE_PROPERTY, file.toString());
            System.setProperty(JitHistory.MODE_PROPERTY, "quick");
            long before = JitHistory.processCpuMillis().orElseThrow();
            JitHistory.recordThisProcess();
            long after = JitHistory.processCpuMillis().orElseThrow();
            String[] record = Files.readString(file).trim().split(" cpu_ms=");
            long recorded = Long.parseLong(record[1]);
            assertThat(recorded).isBetween(before, after);
            assertThat(record[0]).isEqualTo(JitHistory.modeFor("quick", recorded));
        } finally {
            restore(JitHistory.FILE_PROPERTY, previousFile);
            restore(JitHistory.MODE_PROPERTY, previousMode);
        }
    }

    @Test
    void aFileThatCannotBeNamedIsNoErrorAtExit() {
        String previous = System.getProperty(JitHistory.FILE_PROPERTY);
        try {
            System.setProperty(JitHistory.FILE_PROPERTY, "\u0000not a path");
            JitHistory.recordThisProcess(); // must not throw: the job already succeeded
        } finally {
            restore(JitHistory.FILE_PROPERTY, previous);
        }
        assertThat(directory.toFile().list()).isEmpty();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
