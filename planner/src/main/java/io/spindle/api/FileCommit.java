package io.spindle.api;

import io.spindle.plan.stage.StageTaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A minimal atomic output commit, isolated here until the formats module's full commit protocol
 * replaces it. Tasks write into a staging directory beside the output (same file system, so the
 * final rename is atomic); the commit deletes files of failed or duplicate attempts — any file no
 * successful task reported — writes {@code _SUCCESS}, and renames the staging directory to the
 * output. A failed job leaves no visible output.
 */
final class FileCommit {
    private final FileSystem fs;
    private final Path output;
    private final Path staging;

    FileCommit(Configuration conf, String outputPath) {
        try {
            this.output = new Path(outputPath);
            this.fs = output.getFileSystem(conf);
            this.staging = new Path(output.getParent(), "._spindle_staging_" + output.getName() + "_" + UUID.randomUUID());
            if (fs.exists(output)) {
                throw new IllegalStateException("Output " + output + " already exists; remove it first");
            }
            fs.mkdirs(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stagingDirectory() {
        return staging.toString();
    }

    void commit(List<StageTaskResult> results) {
        try {
            Set<String> kept = new HashSet<>();
            for (StageTaskResult result : results) {
                String path = ((StageTaskResult.WrittenFile) result).path();
                if (path != null) {
                    kept.add(new Path(path).getName());
                }
            }
            for (FileStatus file : fs.listStatus(staging)) {
                if (!kept.contains(file.getPath().getName())) {
                    fs.delete(file.getPath(), true);
                }
            }
            fs.create(new Path(staging, "_SUCCESS")).close();
            if (!fs.rename(staging, output)) {
                throw new IOException("Cannot rename " + staging + " to " + output);
            }
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("Commit of " + output + " failed: " + e.getMessage(), e);
        }
    }

    void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            // Best effort: a leftover hidden staging directory is invisible to readers.
        }
    }
}
