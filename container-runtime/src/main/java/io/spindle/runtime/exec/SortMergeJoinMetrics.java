package io.spindle.runtime.exec;

import java.util.concurrent.atomic.AtomicLong;

/** What sort-merge joins spilled in this JVM (sort runs, equal-key runs), so tests can check a join over the budget spilled. */
public final class SortMergeJoinMetrics {
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong KEY_RUN_CHUNKS = new AtomicLong();

    private SortMergeJoinMetrics() {}

    static void spilled(int runs) {
        RUNS.addAndGet(runs);
    }

    /** Chunks of a run of equal right keys written to disk because the run passed the task budget. */
    static void runSpilled(int chunks) {
        KEY_RUN_CHUNKS.addAndGet(chunks);
    }

    /** Chunks of equal-key runs (one hot key's right rows) that sort-merge joins spilled in this JVM. */
    public static long spilledKeyRunChunks() {
        return KEY_RUN_CHUNKS.get();
    }

    public static long spilledRuns() {
        return RUNS.get();
    }
}
