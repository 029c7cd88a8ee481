package io.spindle.minicluster;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Bounded polling for tests: the only place a test may sleep. */
public final class Eventually {

    /** Poll interval in milliseconds. */
    static final long INTERVAL_MS = 50;

    private Eventually() {
    }

    /**
     * Returns as soon as {@code condition} is true; polls every {@value #INTERVAL_MS} ms until {@code timeout}
     * has passed, then throws an {@link AssertionError} naming {@code what}. An exception thrown by the
     * condition counts as "not yet"; the last one is attached as the cause of the timeout.
     */
    public static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(condition, "condition");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis()
                        + " ms waiting for: " + what + (last == null ? "" : " (last attempt threw " + last + ")"));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            long sleepMs = Math.min(INTERVAL_MS, Math.max(1, (deadline - now) / 1_000_000));
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}
