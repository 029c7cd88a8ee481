package io.spindle.formats.commit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * How a job's output files become visible: all at job commit, or not at all.
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>Driver: {@link #setupJob()} creates the job's staging directory, a hidden sibling of the
 *       output ({@code parent/.spindle-staging-<jobId>}, see {@link StagingDirectory}); with
 *       {@link WriteMode#ERROR_IF_EXISTS} it first fails if the output has visible entries.
 *   <li>Task: {@link #setupTask} gives each attempt its own directory in staging; the task writes
 *       there (see {@link PartitionedWriter}), then {@link #commitTask} returns the list of its
 *       files, which the executor sends to the driver. On failure, {@link #abortTask}.
 *   <li>Driver: {@link #commitJob} publishes the first message per task partition (a duplicate or
 *       speculative attempt is ignored, its files deleted with staging), writes {@code _SUCCESS},
 *       and deletes staging. On failure of any task or of the commit, {@link #abortJob}.
 * </ol>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Before job commit, nothing of the job is in the output. A failed task, a failed job, a
 *       killed driver before commit: the output is exactly as it was; staging is deleted by
 *       {@link #abortJob} or, if nobody ran it, by {@link #cleanupStale}.
 *   <li>Publishing is renames only, each atomic on HDFS (a NameNode metadata operation) and on a
 *       local POSIX file system. What a reader can observe while the commit runs:
 *       <ul>
 *         <li>APPEND (and ERROR_IF_EXISTS into an existing empty directory): the new files appear
 *             one by one. A listing during the commit may see some of them, never a partial file.
 *         <li>OVERWRITE: the old output directory is renamed into trash, then the new one renamed
 *             into place. A listing sees all the old files, or all the new ones, or — between the
 *             two renames, a window of one NameNode RPC — no output directory at all
 *             (FileNotFoundException). Never a mix. A reader that listed the old files but had not
 *             opened them finds them gone; streams already open keep reading until the trash is
 *             deleted at the end of the commit.
 *         <li>DYNAMIC_PARTITION_OVERWRITE: the same per partition directory. Partitions are
 *             replaced one after the other, so during the commit some may be new and some old.
 *       </ul>
 *       On an object store without atomic renames none of this holds; use a store-specific committer.
 *   <li>If a publishing step fails, the commit rolls back from its journal (see {@link CommitJournal})
 *       before throwing: previous entries come back from trash, new ones are removed. If the
 *       driver dies mid-publish, the output stays half-published until {@link #abortJob} (by a
 *       rerun with the same job id) or {@link #cleanupStale} rolls it back.
 *   <li>Concurrent jobs with different job ids each have their own staging. Jobs that write
 *       different partitions (APPEND or DYNAMIC_PARTITION_OVERWRITE) do not interfere. Two jobs
 *       writing the same partition, or an OVERWRITE concurrent with any other job, are not
 *       supported: the last commit wins, and one of them may fail its commit.
 * </ul>
 *
 * <p>The object holds only the output, job id and mode, so the driver and every executor build
 * their own from the same three values. Paths are used as given (qualify them first).
 */
public final class FileCommitProtocol {
    private final FileSystem fs;
    private final String jobId;
    private final WriteMode mode;
    private final StagingDirectory staging;

    public FileCommitProtocol(FileSystem fs, Path output, String jobId, WriteMode mode) {
        this.fs = Objects.requireNonNull(fs, "fs");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.staging = new StagingDirectory(fs.makeQualified(output), jobId);
    }

    public Path output() {
        return staging.output;
    }

    public String jobId() {
        return jobId;
    }

    public WriteMode mode() {
        return mode;
    }

    public Path stagingDirectory() {
        return staging.root;
    }

    /** Creates the staging directory; with ERROR_IF_EXISTS, fails first if the output has visible data. */
    public void setupJob() throws IOException {
        if (mode == WriteMode.ERROR_IF_EXISTS) {
            requireNoVisibleData(fs, staging.output);
        }
        if (fs.exists(staging.root)) {
            throw new FileAlreadyExistsException("Staging directory " + staging.root + " exists: job id " + jobId
                    + " is in use, or a previous run was not cleaned up (abortJob or cleanupStale)");
        }
        fs.mkdirs(staging.root);
        FsOperations.writeText(fs, staging.outputMarker(), staging.output.toString(), false);
    }

    /** A fresh directory for one attempt of one task; a leftover of the same attempt number is removed. */
    public TaskAttempt setupTask(int partition, int attempt) throws IOException {
        if (partition < 0 || attempt < 0) {
            throw new IllegalArgumentException("Task partition and attempt must be non-negative, got " + partition
                    + " and " + attempt);
        }
        Path directory = staging.attempt(partition, attempt);
        FsOperations.deleteIfExists(fs, directory);
        fs.mkdirs(directory);
        return new TaskAttempt(jobId, partition, attempt, directory);
    }

    /**
     * Confirms that every file the attempt reports is complete in its directory and returns the
     * message for the driver. Only the driver decides which attempt counts (the first message per
     * partition in {@link #commitJob}), as in Spark, so an attempt that dies after this call
     * cannot block its retries.
     */
    public TaskCommitMessage commitTask(TaskAttempt attempt, List<StagedFile> files) throws IOException {
        for (StagedFile file : files) {
            FileStatus status = fs.getFileStatus(attempt.stagingPath(file.relativePath()));
            if (status.getLen() != file.bytes()) {
                throw new IOException("Task file " + status.getPath() + " has " + status.getLen() + " bytes but "
                        + file.bytes() + " were reported; was it finished?");
            }
        }
        return new TaskCommitMessage(attempt.partition(), attempt.attempt(), files);
    }

    /** Deletes what the attempt wrote. Safe to call more than once, and after a partial setup. */
    public void abortTask(TaskAttempt attempt) throws IOException {
        FsOperations.deleteIfExists(fs, attempt.directory());
    }

    /**
     * Publishes the tasks' files into the output as {@link #mode()} says, writes {@code _SUCCESS},
     * and deletes staging. On failure the output has been rolled back; call {@link #abortJob()}.
     */
    public JobCommitResult commitJob(List<TaskCommitMessage> messages) throws IOException {
        JobCommitResult result = new JobCommit(fs, staging, jobId, mode).run(messages);
        // From here the commit is final: _committed is written, trash is only garbage.
        FsOperations.deleteIfExists(fs, staging.root);
        return result;
    }

    /** Rolls back an interrupted commit if there was one, and deletes staging. Idempotent. */
    public void abortJob() throws IOException {
        if (fs.exists(staging.root)) {
            rollBackAndDelete(fs, staging);
        }
    }

    /**
     * Removes the staging directories of jobs on {@code output} that nothing has touched for
     * {@code olderThan} — jobs whose driver died — rolling back any commit they left half done.
     * Choose {@code olderThan} well above the longest task: a running job's staging is recognized
     * only by recent modification times inside it.
     *
     * @return the staging directories removed
     */
    public static List<Path> cleanupStale(FileSystem fs, Path output, Duration olderThan, Instant now)
            throws IOException {
        Path qualified = fs.makeQualified(output);
        List<Path> removed = new ArrayList<>();
        if (qualified.getParent() == null || !fs.exists(qualified.getParent())) {
            return removed;
        }
        long cutoff = now.minus(olderThan).toEpochMilli();
        for (FileStatus candidate : fs.listStatus(qualified.getParent())) {
            String name = candidate.getPath().getName();
            if (!candidate.isDirectory() || !StagingDirectory.isStagingName(name)) {
                continue;
            }
            Optional<String> owner = ownerOf(fs, candidate.getPath());
            boolean ours = owner.isPresent() && owner.get().equals(qualified.toString());
            boolean orphan = owner.isEmpty(); // died before writing its marker: no task can have run
            if ((ours || orphan) && newestModification(fs, candidate) < cutoff) {
                String jobId = name.substring(StagingDirectory.PREFIX.length());
                rollBackAndDelete(fs, new StagingDirectory(qualified, jobId));
                removed.add(candidate.getPath());
            }
        }
        return removed;
    }

    static void requireNoVisibleData(FileSystem fs, Path output) throws IOException {
        if (!fs.exists(output)) {
            return;
        }
        if (fs.getFileStatus(output).isFile() || !JobCommit.visibleEntries(fs, output).isEmpty()) {
            throw new FileAlreadyExistsException("Output " + output + " already exists and is not empty; write with "
                    + "mode APPEND, OVERWRITE or DYNAMIC_PARTITION_OVERWRITE to change it");
        }
    }

    private static void rollBackAndDelete(FileSystem fs, StagingDirectory staging) throws IOException {
        Optional<CommitJournal> unfinished = CommitJournal.readUnfinished(fs, staging);
        if (unfinished.isPresent()) {
            unfinished.get().rollBack(fs, staging);
        }
        FsOperations.deleteIfExists(fs, staging.root);
    }

    private static Optional<String> ownerOf(FileSystem fs, Path stagingRoot) throws IOException {
        Path marker = new Path(stagingRoot, StagingDirectory.OUTPUT_MARKER);
        return fs.exists(marker) ? Optional.of(FsOperations.readText(fs, marker)) : Optional.empty();
    }

    private static long newestModification(FileSystem fs, FileStatus status) throws IOException {
        long newest = status.getModificationTime();
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                newest = Math.max(newest, newestModification(fs, child));
            }
        }
        return newest;
    }
}
