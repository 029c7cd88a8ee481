package io.spindle.am.scheduler;

import java.util.LinkedHashSet;
import java.util.Set;

/** The scheduler's view of one live executor. Guarded by the scheduler's lock. */
final class ExecutorSlot {
    final ExecutorInfo info;
    final ExecutorHandle handle;
    final Set<Long> runningTaskIds = new LinkedHashSet<>();
    long completedTasks;
    long failedTasks;
    long lastHeartbeatNanos;
    /** Set when its connection broke: it gets no new tasks while its loss is being classified. */
    boolean disabled;

    ExecutorSlot(ExecutorInfo info, ExecutorHandle handle, long nowNanos) {
        this.info = info;
        this.handle = handle;
        this.lastHeartbeatNanos = nowNanos;
    }

    String id() {
        return info.executorId();
    }

    String host() {
        return info.host();
    }

    int freeCores() {
        return disabled ? 0 : info.cores() - runningTaskIds.size();
    }
}
