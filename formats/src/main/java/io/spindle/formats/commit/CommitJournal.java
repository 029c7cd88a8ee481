package io.spindle.formats.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The record a job commit writes before it changes anything visible: every output entry it will
 * publish, and whether something was already there. From it, a failed or interrupted commit is
 * rolled back — by the committing driver when a step fails, or later by {@code abortJob} or
 * {@code cleanupStale} when the driver died mid-commit.
 *
 * <p>Publishing an entry is: move the previous entry (if any) to trash, then move the new one in.
 * Rolling back an entry, in reverse order: if its previous version is in trash, put it back
 * (removing whatever is at its place now); if there was no previous version, remove what this job
 * put there. An entry whose previous version is not in trash was never touched. Trash is deleted
 * only after {@code _committed} is written, so this is decidable at any point of a crash.
 *
 * Directories the commit creates on the way (a new partition's {@code day=...} parent, the output
 * itself) are listed too, and removed on rollback if empty, so the tree is left exactly as found.
 *
 * <p>Text format, one item per line: {@code entry <true|false existed> <relative path>} and
 * {@code mkdir <relative path>}.
 */
final class CommitJournal {
    private static final String HEADER = "spindle-commit-journal 1";

    final String jobId;
    final List<Entry> entries;
    /** Directories (relative, "" for the output) the commit creates, parents first. */
    final List<String> createdDirectories;

    /** One output entry: a file (APPEND), a partition directory, or the whole output (""). */
    record Entry(String relative, boolean existed) {}

    CommitJournal(String jobId, List<Entry> entries, List<String> createdDirectories) {
        this.jobId = jobId;
        this.entries = List.copyOf(entries);
        this.createdDirectories = List.copyOf(createdDirectories);
    }

    void write(FileSystem fs, StagingDirectory staging) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append("job ").append(jobId).append('\n');
        for (Entry entry : entries) {
            text.append("entry ").append(entry.existed()).append(' ').append(entry.relative()).append('\n');
        }
        for (String directory : createdDirectories) {
            text.append("mkdir ").append(directory).append('\n');
        }
        FsOperations.writeText(fs, staging.journal(), text.toString(), false);
    }

    /** The journal of an interrupted commit: present and not followed by {@code _committed}. */
    static Optional<CommitJournal> readUnfinished(FileSystem fs, StagingDirectory staging) throws IOException {
        if (!fs.exists(staging.journal()) || fs.exists(staging.committedMarker())) {
            return Optional.empty();
        }
        String[] lines = FsOperations.readText(fs, staging.journal()).split("\n");
        if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[1].startsWith("job ")) {
            throw new IOException("Unreadable commit journal " + staging.journal() + "; the output " + staging.output
                    + " may need manual repair from " + staging.root);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            if (lines[i].startsWith("mkdir ")) {
                created.add(lines[i].substring("mkdir ".length()));
            } else {
                String[] parts = lines[i].split(" ", 3);
                entries.add(new Entry(parts.length > 2 ? parts[2] : "", Boolean.parseBoolean(parts[1])));
            }
        }
        return Optional.of(new CommitJournal(lines[1].substring("job ".length()), entries, created));
    }

    /** Restores the output to what it was before the commit started. Idempotent. */
    void rollBack(FileSystem fs, StagingDirectory staging) throws IOException {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            Path published = staging.inOutput(entry.relative());
            Path trash = staging.trash(entry.relative());
            if (fs.exists(trash)) {
                FsOperations.deleteIfExists(fs, published);
                FsOperations.rename(fs, trash, published);
            } else if (!entry.existed() && writtenByThisJob(fs, published, entry)) {
                FsOperations.deleteIfExists(fs, published);
            }
        }
        Path success = new Path(staging.output, StagingDirectory.SUCCESS);
        if (fs.exists(success) && FsOperations.readText(fs, success).contains("job=" + jobId + "\n")) {
            fs.delete(success, false);
        }
        for (int i = createdDirectories.size() - 1; i >= 0; i--) {
            Path directory = staging.inOutput(createdDirectories.get(i));
            // Only if still empty: another job may have put its own files there meanwhile.
            if (fs.exists(directory) && fs.listStatus(directory).length == 0) {
                fs.delete(directory, false);
            }
        }
    }

    /**
     * Whether {@code path} holds this job's data rather than another writer's: files and
     * directories are recognized by the job id in the names of their data files. The whole output
     * directory, when it did not exist before, is this job's by construction.
     */
    private boolean writtenByThisJob(FileSystem fs, Path path, Entry entry) throws IOException {
        if (!fs.exists(path)) {
            return false;
        }
        if (entry.relative().isEmpty()) {
            return true;
        }
        return containsJobFile(fs, path);
    }

    private boolean containsJobFile(FileSystem fs, Path path) throws IOException {
        FileStatus status = fs.getFileStatus(path);
        if (status.isFile()) {
            return status.getPath().getName().contains("-" + jobId + "-");
        }
        for (FileStatus child : fs.listStatus(path)) {
            if (containsJobFile(fs, child.getPath())) {
                return true;
            }
        }
        return false;
    }
}
