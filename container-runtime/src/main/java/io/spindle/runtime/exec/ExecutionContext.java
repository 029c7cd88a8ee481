package io.spindle.runtime.exec;

import io.spindle.exec.TaskContext;
import io.spindle.plan.stage.TaskSettings;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * What operators of one task share: the task's context (null outside a task), Hadoop
 * configuration, settings, memory budget, spill directory.
 */
public record ExecutionContext(TaskContext taskContext, Configuration hadoopConf, TaskSettings settings,
        TaskMemoryBudget budget, Path spillDirectory) {

    public static ExecutionContext of(TaskContext taskContext, TaskSettings settings) {
        String localDir = settings.localDir() == null || settings.localDir().isEmpty()
                ? System.getProperty("java.io.tmpdir") : settings.localDir();
        return new ExecutionContext(taskContext, taskContext.hadoopConf(), settings,
                new TaskMemoryBudget(settings.memoryBudgetBytes()), Path.of(localDir, "spindle-spill"));
    }
}
