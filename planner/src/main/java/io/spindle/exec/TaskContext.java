package io.spindle.exec;

import io.spindle.conf.SpindleConf;
import org.apache.hadoop.conf.Configuration;

/** What a running task may know about where and as what it runs. */
public interface TaskContext {

    String applicationId();

    int stageId();

    /** Index of this task in its stage, 0-based; stable across attempts. */
    int partitionId();

    /** 0 for the first attempt, incremented on every retry of the same partition. */
    int attemptNumber();

    String executorId();

    String host();

    SpindleConf conf();

    /** The executor's Hadoop configuration (cluster settings plus {@code spindle.hadoop.*}); do not modify. */
    Configuration hadoopConf();
}
