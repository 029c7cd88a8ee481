package io.spindle.api;

import io.spindle.formats.commit.FileCommitProtocol;
import io.spindle.formats.commit.JobCommitResult;
import io.spindle.formats.commit.StagedFile;
import io.spindle.formats.commit.TaskAttempt;
import io.spindle.formats.commit.TaskCommitMessage;
import io.spindle.formats.commit.WriteMode;
import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a Dataset's rows into one directory through the formats module's
 * {@link FileCommitProtocol}: the job's staging directory is set up, the engine's write tasks each
 * write one file there, the driver turns the files of the successful attempts into task commit
 * messages, and the job commit publishes them into the output in {@code mode}. A failure at any
 * point leaves the output as it was.
 *
 * <p>Until the engine's write tasks speak the protocol themselves (setupTask / commitTask on the
 * executor), the driver moves each reported file into its attempt directory before the commit;
 * only files of attempts the scheduler reported successful are ever published.
 */
final class PlanDirectoryWriter {
    private PlanDirectoryWriter() {}

    /**
     * @param jobId names the staging directory and the files, unique per write (letters, digits, - and _)
     * @return what the commit published (files with row counts)
     */
    static JobCommitResult write(Dataset dataset, String format, String output, WriteMode mode, String jobId) {
        Session session = dataset.session();
        FileCommitProtocol protocol;
        FileSystem fs;
        try {
            Path path = new Path(output);
            fs = path.getFileSystem(session.hadoopConf());
            protocol = new FileCommitProtocol(fs, fs.makeQualified(path), jobId, mode);
            protocol.setupJob();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the write of " + output + ": " + e.getMessage(), e);
        }
        try {
            Path taskOutput = new Path(protocol.stagingDirectory(), "engine-output");
            fs.mkdirs(taskOutput);
            String codec = session.conf().get(io.spindle.conf.SpindleKeys.PARQUET_COMPRESSION);
            List<StageTaskResult> results = session.stageScheduler().runStages(dataset.queryExecution().stages(),
                    new StageSink.Write(format, taskOutput.toString(), codec));
            List<TaskCommitMessage> messages = new ArrayList<>();
            for (int partition = 0; partition < results.size(); partition++) {
                StageTaskResult.WrittenFile written = (StageTaskResult.WrittenFile) results.get(partition);
                TaskAttempt attempt = protocol.setupTask(partition, 0);
                List<StagedFile> files = new ArrayList<>();
                if (written.path() != null) {
                    String name = attempt.fileName(0, "." + format);
                    Path file = new Path(written.path());
                    if (!fs.rename(file, attempt.stagingPath(name))) {
                        throw new IOException("Could not move " + file + " into " + attempt.directory());
                    }
                    files.add(new StagedFile(name, fs.getFileStatus(attempt.stagingPath(name)).getLen(),
                            written.rows()));
                }
                messages.add(protocol.commitTask(attempt, files));
            }
            return protocol.commitJob(messages);
        } catch (IOException | RuntimeException e) {
            try {
                protocol.abortJob();
            } catch (IOException | RuntimeException abort) {
                e.addSuppressed(abort);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Writing " + output + " failed: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }
}
