package io.spindle.jobs.linecount;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.TaskContext;
import org.apache.hadoop.conf.Configuration;

/** A task context for running tasks directly in a test, on the local file system. */
final class LocalTaskContext implements TaskContext {

    private final Configuration hadoopConf;
    private final int partitionId;

    LocalTaskContext(int partitionId) {
        this.partitionId = partitionId;
        this.hadoopConf = new Configuration(false);
        hadoopConf.set("fs.defaultFS", "file:///");
    }

    @Override
    public String applicationId() {
        return "local-test";
    }

    @Override
    public int stageId() {
        return 0;
    }

    @Override
    public int partitionId() {
        return partitionId;
    }

    @Override
    public int attemptNumber() {
        return 0;
    }

    @Override
    public String executorId() {
        return "driver";
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public SpindleConf conf() {
        return SpindleConf.defaults();
    }

    @Override
    public Configuration hadoopConf() {
        return hadoopConf;
    }
}
