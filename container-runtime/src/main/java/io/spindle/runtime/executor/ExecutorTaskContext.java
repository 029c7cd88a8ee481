package io.spindle.runtime.executor;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.TaskContext;
import org.apache.hadoop.conf.Configuration;

/** The {@link TaskContext} of one task attempt running on an {@link Executor}. */
public record ExecutorTaskContext(
        String applicationId,
        int stageId,
        int partitionId,
        int attemptNumber,
        String executorId,
        String host,
        SpindleConf conf,
        Configuration hadoopConf) implements TaskContext {
}
