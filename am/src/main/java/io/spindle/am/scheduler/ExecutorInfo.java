package io.spindle.am.scheduler;

import java.util.Objects;

/**
 * What an executor said about itself when it registered.
 *
 * @param containerId the YARN container id, or null for an in-process executor
 */
public record ExecutorInfo(String executorId, String host, String containerId, int cores, long pid) {
    public ExecutorInfo {
        Objects.requireNonNull(executorId, "executorId");
        Objects.requireNonNull(host, "host");
        if (cores < 1) {
            throw new IllegalArgumentException("Executor " + executorId + " registered with " + cores + " cores");
        }
    }
}
