package io.spindle.plan.stage;

import io.spindle.exec.Task;
import java.io.Serializable;
import java.util.List;

/** Runs one stage's tasks and returns their results in order: the session's backend, or a fake in tests. */
public interface TaskLauncher {
    <R extends Serializable> List<R> runTasks(String stageName, List<? extends Task<R>> tasks);

    int defaultParallelism();
}
