package io.spindle.runtime.exec;

import io.spindle.plan.stage.TaskSettings;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** What operators of one task share: Hadoop configuration, settings, memory budget, spill directory. */
public record ExecutionContext(Configuration hadoopConf, TaskSettings settings, TaskMemoryBudget budget,
        Path spillDirectory) {

    public static ExecutionContext of(Configuration hadoopConf, TaskSettings settings) {
        String localDir = settings.localDir() == null || settings.localDir().isEmpty()
                ? System.getProperty("java.io.tmpdir") : settings.localDir();
        return new ExecutionContext(hadoopConf, settings, new TaskMemoryBudget(settings.memoryBudgetBytes()),
                Path.of(localDir, "spindle-spill"));
    }
}
