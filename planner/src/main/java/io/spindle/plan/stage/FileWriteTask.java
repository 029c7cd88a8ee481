package io.spindle.plan.stage;

import io.spindle.exec.TaskContext;
import io.spindle.formats.FileFormat;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.commit.FileCommitProtocol;
import io.spindle.formats.commit.PartitionedWriter;
import io.spindle.formats.commit.TaskAttempt;
import io.spindle.formats.types.Schema;
import io.spindle.plan.physical.FileFormats;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The executor's half of a {@link StageSink.Write}: the task's rows go through a
 * {@link PartitionedWriter} into this attempt's own staging directory, and the commit message
 * (the files it finished) goes back to the driver, which publishes one attempt per task. A task
 * that fails, whatever the cause, deletes what its attempt wrote before the error propagates;
 * nothing of it is visible in the output in any case.
 */
public final class FileWriteTask {
    /** The rows of the task, batch by batch; null at the end. */
    @FunctionalInterface
    public interface BatchSource {
        ColumnBatch next() throws Exception;
    }

    private FileWriteTask() {}

    /** @param schema the named columns of the batches {@code input} returns */
    public static StageTaskResult run(StageSink.Write sink, BatchSource input, Schema schema, int partition,
            TaskContext context) throws Exception {
        Configuration conf = context.hadoopConf();
        Path output = new Path(sink.output());
        FileSystem fs = output.getFileSystem(conf);
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, sink.jobId(), sink.mode());
        TaskAttempt attempt = protocol.setupTask(partition, context.attemptNumber());
        FileFormat format = FileFormats.create(sink.format(), ColumnBatch.DEFAULT_CAPACITY);
        try (PartitionedWriter writer = new PartitionedWriter(protocol, attempt, format, conf, schema,
                sink.partitionColumns(), sink.layout().writeOptions(), sink.layout().limits(), ZoneOffset.UTC,
                sink.layout().leafDirectory())) {
            for (ColumnBatch batch = input.next(); batch != null; batch = input.next()) {
                writer.write(batch);
            }
            return new StageTaskResult.WrittenFiles(writer.commit());
        }
    }
}
