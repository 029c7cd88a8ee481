package io.spindle.runtime.memory;

/**
 * The memory one task's operators may hold. Operators reserve before they buffer and release what
 * they free; a reservation that would pass the budget is refused, and the operator spills instead.
 * Accounting is by what operators compute their buffers retain (the sort and its buffers count
 * allocated array lengths and headers, see {@code Vectors.retainedBytes}), not by measuring the
 * heap. Not thread-safe: a task runs on one thread.
 */
public final class TaskMemoryBudget {
    private final long limitBytes;
    private long usedBytes;
    private long peakBytes;

    public TaskMemoryBudget(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("A memory budget must be positive, got " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** Reserves {@code bytes} if they fit in the budget; returns whether they did. */
    public boolean tryReserve(long bytes) {
        if (usedBytes + bytes > limitBytes) {
            return false;
        }
        usedBytes += bytes;
        peakBytes = Math.max(peakBytes, usedBytes);
        return true;
    }

    /** Reserves without a limit check: for memory an operator cannot avoid (one batch in flight). */
    public void reserve(long bytes) {
        usedBytes += bytes;
        peakBytes = Math.max(peakBytes, usedBytes);
    }

    public void release(long bytes) {
        if (bytes > usedBytes) {
            throw new IllegalStateException("Releasing " + bytes + " bytes but only " + usedBytes + " are reserved");
        }
        usedBytes -= bytes;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long peakBytes() {
        return peakBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
