package io.spindle.formats.commit;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * One attempt of one write task, with the staging directory only it writes to. Attempts of the
 * same task never share a directory, so a retry or a speculative copy cannot mix its files with
 * another attempt's.
 */
public record TaskAttempt(String jobId, int partition, int attempt, Path directory) {
    public TaskAttempt {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * A file name unique in the output across jobs and tasks: {@code part-00007-<jobId>-c002.parquet}.
     * The same for every attempt of a task, which is harmless because only one attempt is published.
     */
    public String fileName(int fileIndex, String extension) {
        return String.format("part-%05d-%s-c%03d%s", partition, jobId, fileIndex, extension);
    }

    /** Where a file with this output-relative path is written during the attempt. */
    public Path stagingPath(String relativePath) {
        return new Path(directory, relativePath);
    }
}
