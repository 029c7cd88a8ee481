package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.formats.commit.FileCommitProtocol;
import io.spindle.formats.commit.StagedFile;
import io.spindle.formats.commit.TaskAttempt;
import io.spindle.formats.commit.TaskCommitMessage;
import io.spindle.formats.commit.WriteMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * saveAsTextFile: one text file per partition ({@code part-NNNNN-<job>-c000.txt}, a record per
 * line), published through the same {@link FileCommitProtocol} as Dataset writes: tasks write in
 * their attempt's staging directory, the driver publishes one attempt per task and
 * {@code _SUCCESS} at job commit, and a failed job leaves no output and no staging behind.
 */
public final class TextOutput {
    private TextOutput() {
    }

    public static <T> void save(Rdd<T> rdd, String path) {
        Configuration conf = rdd.context().hadoopConf();
        try {
            Path destination = new Path(path);
            FileSystem fs = destination.getFileSystem(conf);
            destination = fs.makeQualified(destination);
            String output = destination.toString();
            String jobId = UUID.randomUUID().toString();
            FileCommitProtocol protocol = new FileCommitProtocol(fs, destination, jobId, WriteMode.ERROR_IF_EXISTS);
            protocol.setupJob();
            try {
                List<TaskCommitMessage> messages = rdd.context().scheduler().runJob(rdd, (partition, records,
                        environment) -> writePart(output, jobId, partition, environment, records));
                protocol.commitJob(messages);
            } catch (IOException | RuntimeException e) {
                try {
                    protocol.abortJob();
                } catch (IOException abortFailure) {
                    e.addSuppressed(abortFailure);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("saveAsTextFile(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    private static TaskCommitMessage writePart(String output, String jobId, int partition,
            TaskEnvironment environment, java.util.Iterator<?> records) throws IOException {
        Path destination = new Path(output);
        FileSystem fs = destination.getFileSystem(environment.context().hadoopConf());
        FileCommitProtocol protocol = new FileCommitProtocol(fs, destination, jobId, WriteMode.ERROR_IF_EXISTS);
        TaskAttempt attempt = protocol.setupTask(partition, environment.context().attemptNumber());
        String name = attempt.fileName(0, ".txt");
        Path file = attempt.stagingPath(name);
        long rows = 0;
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(file, false), StandardCharsets.UTF_8),
                    1 << 16)) {
                while (records.hasNext()) {
                    out.write(String.valueOf(records.next()));
                    out.write('\n');
                    rows++;
                }
            }
            return protocol.commitTask(attempt, List.of(new StagedFile(name, fs.getFileStatus(file).getLen(), rows)));
        } catch (IOException | RuntimeException e) {
            protocol.abortTask(attempt);
            throw e;
        }
    }
}
