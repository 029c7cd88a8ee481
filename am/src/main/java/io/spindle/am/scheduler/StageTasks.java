package io.spindle.am.scheduler;

import io.spindle.exec.JobFailedException;
import io.spindle.exec.Task;
import io.spindle.exec.TaskFailure;
import io.spindle.runtime.serialization.JavaSerializer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's tasks as they travel: serialized once on the driver before any is launched (so a task
 * that cannot be shipped fails the stage at once, naming the task) with their preferred hosts.
 */
record StageTasks(List<byte[]> serialized, List<List<String>> preferredHosts) {

    /** @throws JobFailedException when a task is not serializable or larger than {@code maxTaskBytes} */
    static StageTasks serialize(String name, int stageId, List<? extends Task<?>> tasks, int maxTaskBytes) {
        List<byte[]> serialized = new ArrayList<>(tasks.size());
        List<List<String>> preferredHosts = new ArrayList<>(tasks.size());
        for (int partition = 0; partition < tasks.size(); partition++) {
            Task<?> task = tasks.get(partition);
            String what = "Task " + partition + " of stage '" + name + "' (stage " + stageId + ")";
            byte[] bytes;
            try {
                bytes = JavaSerializer.serialize(task);
            } catch (UncheckedIOException e) {
                throw new JobFailedException(JobFailedException.Cause.TASK_FAILED,
                        what + " cannot be sent to executors: " + e.getMessage(), TaskFailure.of(e));
            }
            if (bytes.length > maxTaskBytes) {
                throw new JobFailedException(JobFailedException.Cause.TASK_FAILED, what + " serializes to "
                        + bytes.length + " bytes, more than the " + maxTaskBytes + " bytes a task may have; "
                        + "it captures too much data", null);
            }
            serialized.add(bytes);
            List<String> hosts = task.preferredHosts();
            preferredHosts.add(hosts == null ? List.of() : List.copyOf(hosts));
        }
        return new StageTasks(List.copyOf(serialized), List.copyOf(preferredHosts));
    }

    /**
     * Deserializes a finished stage's results with the calling thread's context class loader.
     *
     * @throws JobFailedException naming the task whose result cannot be read
     */
    @SuppressWarnings("unchecked")
    static <R> List<R> results(TaskSetManager stage) {
        List<R> results = new ArrayList<>(stage.taskCount());
        for (int partition = 0; partition < stage.taskCount(); partition++) {
            try {
                results.add((R) JavaSerializer.deserialize(stage.result(partition)));
            } catch (UncheckedIOException e) {
                throw new JobFailedException(JobFailedException.Cause.TASK_FAILED, "The result of task " + partition
                        + " of stage '" + stage.name + "' (stage " + stage.stageId + ") cannot be read on the "
                        + "driver: " + e.getMessage(), TaskFailure.of(e));
            }
        }
        return results;
    }
}
