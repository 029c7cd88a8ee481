package io.spindle.am.yarn;

import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerStatus;

/**
 * Why an executor container ended, as YARN reports it. Preemption and lost nodes are not the
 * application's fault, so they neither count towards {@code spindle.executor.maxFailures} nor
 * against the tasks that were running there.
 */
public enum ContainerExit {
    /** Exited 0: the executor was told to shut down. */
    COMPLETED(false, false),
    /** The scheduler took the container back for another queue. */
    PREEMPTED(false, false),
    /** The NodeManager killed it for using more memory than it asked for. */
    KILLED_FOR_MEMORY(true, true),
    /** The node was lost or its disks failed. */
    NODE_LOST(false, false),
    /** Released or killed by the AM or RM on purpose. */
    RELEASED(false, false),
    /** The executor process failed or was killed by someone else. */
    APP_ERROR(true, true);

    private final boolean countsAsFailure;
    private final boolean countsAgainstTasks;

    ContainerExit(boolean countsAsFailure, boolean countsAgainstTasks) {
        this.countsAsFailure = countsAsFailure;
        this.countsAgainstTasks = countsAgainstTasks;
    }

    public boolean countsAsFailure() {
        return countsAsFailure;
    }

    public boolean countsAgainstTasks() {
        return countsAgainstTasks;
    }

    public static ContainerExit classify(ContainerStatus status, boolean releasedByUs) {
        int exit = status.getExitStatus();
        if (releasedByUs) {
            return RELEASED;
        }
        return switch (exit) {
            case ContainerExitStatus.SUCCESS -> COMPLETED;
            case ContainerExitStatus.PREEMPTED, ContainerExitStatus.KILLED_BY_CONTAINER_SCHEDULER -> PREEMPTED;
            case ContainerExitStatus.KILLED_EXCEEDED_PMEM, ContainerExitStatus.KILLED_EXCEEDED_VMEM -> KILLED_FOR_MEMORY;
            case ContainerExitStatus.ABORTED, ContainerExitStatus.DISKS_FAILED -> NODE_LOST;
            case ContainerExitStatus.KILLED_BY_APPMASTER, ContainerExitStatus.KILLED_BY_RESOURCEMANAGER,
                    ContainerExitStatus.KILLED_AFTER_APP_COMPLETION -> RELEASED;
            default -> APP_ERROR;
        };
    }

    /** A sentence for diagnostics, naming the fix where there is one. */
    public String describe(ContainerStatus status) {
        String base = "container " + status.getContainerId() + " exited with status " + status.getExitStatus();
        return switch (this) {
            case COMPLETED -> base + " (completed)";
            case PREEMPTED -> base + " (preempted by YARN; not counted as a failure)";
            case KILLED_FOR_MEMORY -> base + " (killed for exceeding its memory: raise spindle.executor.memoryOverhead"
                    + " or spindle.executor.memory): " + firstLine(status.getDiagnostics());
            case NODE_LOST -> base + " (node lost or disks failed; not counted as a failure)";
            case RELEASED -> base + " (released)";
            case APP_ERROR -> base + " (executor failed): " + firstLine(status.getDiagnostics());
        };
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
