package io.spindle.am.scheduler;

import io.spindle.exec.StageSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A consistent picture of the scheduler for the status page; plain records that Jackson writes
 * as JSON.
 *
 * @param currentStage the oldest stage still running, or null between stages
 */
public record SchedulerSnapshot(
        List<ExecutorStatus> executors,
        StageStatus currentStage,
        List<StageSummary> finishedStages) {

    static SchedulerSnapshot of(Collection<ExecutorSlot> executors, TaskSetManager current,
            List<StageSummary> finished, long nowNanos) {
        List<ExecutorStatus> statuses = new ArrayList<>();
        for (ExecutorSlot slot : executors) {
            statuses.add(new ExecutorStatus(slot.id(), slot.host(), slot.info.containerId(), slot.info.cores(),
                    slot.runningTaskIds.size(), slot.completedTasks, slot.failedTasks,
                    (nowNanos - slot.lastHeartbeatNanos) / 1_000_000));
        }
        StageStatus stage = current == null ? null : new StageStatus(current.stageId, current.name,
                current.taskCount(), current.runningCount(), current.succeededCount());
        return new SchedulerSnapshot(List.copyOf(statuses), stage, List.copyOf(finished));
    }

    /** @param containerId null for an in-process executor */
    public record ExecutorStatus(
            String executorId,
            String host,
            String containerId,
            int cores,
            int runningTasks,
            long completedTasks,
            long failedTasks,
            long lastHeartbeatAgeMillis) {
    }

    public record StageStatus(int stageId, String name, int totalTasks, int runningTasks, int succeededTasks) {
    }
}
