package io.spindle.runtime.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Sorted runs the external sort wrote to local disk in this JVM, so tests can check that a sort spilled. */
public final class SortSpillMetrics {
    private static final AtomicLong RUNS = new AtomicLong();

    private SortSpillMetrics() {}

    static void runWritten() {
        RUNS.incrementAndGet();
    }

    public static long runsWritten() {
        return RUNS.get();
    }
}
