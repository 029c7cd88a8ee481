package io.spindle.runtime.rdd;

import java.util.concurrent.atomic.AtomicLong;

/** Spill runs written by Rdd combines and sorts in this JVM: shows in tests and logs that spilling happened. */
public final class SpillMetrics {
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong BYTES = new AtomicLong();

    private SpillMetrics() {
    }

    static void recordSpill(long bytes) {
        RUNS.incrementAndGet();
        BYTES.addAndGet(bytes);
    }

    public static long spilledRuns() {
        return RUNS.get();
    }

    public static long spilledBytes() {
        return BYTES.get();
    }
}
