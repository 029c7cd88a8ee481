package io.spindle.runtime.exec;

import java.util.concurrent.atomic.AtomicLong;

/** JVM-wide counters of join spills (files and bytes written), for tests and the status page. */
public final class JoinSpillMetrics {
    private static final AtomicLong FILES = new AtomicLong();
    private static final AtomicLong BYTES = new AtomicLong();

    private JoinSpillMetrics() {}

    static void fileWritten() {
        FILES.incrementAndGet();
    }

    static void bytesWritten(long bytes) {
        BYTES.addAndGet(bytes);
    }

    public static long filesWritten() {
        return FILES.get();
    }

    public static long bytesWritten() {
        return BYTES.get();
    }
}
