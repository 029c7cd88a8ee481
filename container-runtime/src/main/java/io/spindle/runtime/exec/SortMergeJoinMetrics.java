package io.spindle.runtime.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Sort runs that sort-merge joins spilled in this JVM, so tests can check a join over the budget spilled. */
public final class SortMergeJoinMetrics {
    private static final AtomicLong RUNS = new AtomicLong();

    private SortMergeJoinMetrics() {}

    static void spilled(int runs) {
        RUNS.addAndGet(runs);
    }

    public static long spilledRuns() {
        return RUNS.get();
    }
}
