package io.spindle.formats.commit;

import io.spindle.formats.layout.PartitionPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's half of {@link FileCommitProtocol}: choose one message per task, assemble the new
 * entries inside staging, write the journal, publish entry by entry, then mark the commit final.
 * Any failure while publishing rolls the output back before the exception propagates.
 */
final class JobCommit {
    private final FileSystem fs;
    private final StagingDirectory staging;
    private final String jobId;
    private final WriteMode mode;

    JobCommit(FileSystem fs, StagingDirectory staging, String jobId, WriteMode mode) {
        this.fs = fs;
        this.staging = staging;
        this.jobId = jobId;
        this.mode = mode;
    }

    /** A new output entry and where it is assembled. */
    private record Publication(String relative, Path source, boolean existed) {}

    JobCommitResult run(List<TaskCommitMessage> messages) throws IOException {
        List<TaskCommitMessage> accepted = firstAttemptPerTask(messages);
        List<StagedFile> files = new ArrayList<>();
        Map<StagedFile, Path> sources = new LinkedHashMap<>();
        for (TaskCommitMessage message : accepted) {
            Path attemptDirectory = staging.attempt(message.partition(), message.attempt());
            for (StagedFile file : message.files()) {
                files.add(file);
                sources.put(file, new Path(attemptDirectory, file.relativePath()));
            }
        }
        if (mode == WriteMode.ERROR_IF_EXISTS) {
            FileCommitProtocol.requireNoVisibleData(fs, staging.output);
        }
        List<Publication> publications = new ArrayList<>(prepare(sources));
        boolean markerAlreadyInside = publications.size() == 1 && publications.get(0).relative().isEmpty();
        if (!markerAlreadyInside) {
            // Last, so that _SUCCESS names this job only once all its data is in place.
            FsOperations.writeText(fs, staging.stagedSuccess(), successText(), true);
            publications.add(new Publication(StagingDirectory.SUCCESS, staging.stagedSuccess(),
                    fs.exists(new Path(staging.output, StagingDirectory.SUCCESS))));
        }
        publish(publications);
        Set<String> partitions = new LinkedHashSet<>();
        files.forEach(file -> partitions.add(file.partitionDirectory()));
        return new JobCommitResult(files, List.copyOf(partitions));
    }

    /**
     * One message per task partition: the first. The scheduler reports every attempt that finished
     * (a retry after a lost executor, a speculative copy), and each attempt wrote to its own
     * directory, so choosing one message chooses one complete set of files.
     */
    private static List<TaskCommitMessage> firstAttemptPerTask(List<TaskCommitMessage> messages) {
        Map<Integer, TaskCommitMessage> first = new LinkedHashMap<>();
        for (TaskCommitMessage message : messages) {
            first.putIfAbsent(message.partition(), message);
        }
        return List.copyOf(first.values());
    }

    /** Moves the files into the layout they will be published in; nothing visible changes. */
    private List<Publication> prepare(Map<StagedFile, Path> sources) throws IOException {
        boolean wholeOutput = mode == WriteMode.OVERWRITE
                || (mode == WriteMode.ERROR_IF_EXISTS && !fs.exists(staging.output))
                || (mode == WriteMode.DYNAMIC_PARTITION_OVERWRITE
                        && sources.keySet().stream().anyMatch(file -> file.partitionDirectory().isEmpty()));
        if (wholeOutput) {
            for (Map.Entry<StagedFile, Path> file : sources.entrySet()) {
                FsOperations.rename(fs, file.getValue(), staging.next(file.getKey().relativePath()));
            }
            fs.mkdirs(staging.next(""));
            // Inside the new directory, the marker appears in the same rename as the data.
            FsOperations.writeText(fs, new Path(staging.next(""), StagingDirectory.SUCCESS), successText(), true);
            return List.of(new Publication("", staging.next(""), fs.exists(staging.output)));
        }
        List<Publication> publications = new ArrayList<>();
        if (mode == WriteMode.DYNAMIC_PARTITION_OVERWRITE) {
            Set<String> partitions = new LinkedHashSet<>();
            for (Map.Entry<StagedFile, Path> file : sources.entrySet()) {
                FsOperations.rename(fs, file.getValue(), staging.next(file.getKey().relativePath()));
                partitions.add(file.getKey().partitionDirectory());
            }
            for (String partition : partitions) {
                publications.add(new Publication(partition, staging.next(partition),
                        fs.exists(staging.inOutput(partition))));
            }
            return publications;
        }
        // APPEND, and ERROR_IF_EXISTS into an existing empty directory: file by file.
        for (Map.Entry<StagedFile, Path> file : sources.entrySet()) {
            String relative = file.getKey().relativePath();
            if (fs.exists(staging.inOutput(relative))) {
                throw new FileAlreadyExistsException("Output file " + staging.inOutput(relative) + " already exists; "
                        + "was job id " + jobId + " used before?");
            }
            publications.add(new Publication(relative, file.getValue(), false));
        }
        return publications;
    }

    private void publish(List<Publication> publications) throws IOException {
        List<CommitJournal.Entry> entries = new ArrayList<>();
        publications.forEach(publication -> entries.add(new CommitJournal.Entry(publication.relative(),
                publication.existed())));
        CommitJournal journal = new CommitJournal(jobId, entries, missingDirectories(publications));
        journal.write(fs, staging);
        try {
            for (Publication publication : publications) {
                if (publication.relative().equals(StagingDirectory.SUCCESS)) {
                    publishSuccessMarker();
                    continue;
                }
                Path target = staging.inOutput(publication.relative());
                if (publication.existed()) {
                    FsOperations.rename(fs, target, staging.trash(publication.relative()));
                }
                FsOperations.rename(fs, publication.source(), target);
            }
            FsOperations.writeText(fs, staging.committedMarker(), "", false);
        } catch (IOException | RuntimeException e) {
            try {
                journal.rollBack(fs, staging);
            } catch (IOException | RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /**
     * The directories publishing will create: the output itself and the parents of new entries
     * that do not exist yet, parents first, relative to the output ("" for the output).
     */
    private List<String> missingDirectories(List<Publication> publications) throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        Set<String> checked = new HashSet<>();
        for (Publication publication : publications) {
            if (publication.relative().isEmpty()) {
                continue; // the whole output is renamed into place; its parent holds the staging directory
            }
            List<String> ancestors = new ArrayList<>();
            ancestors.add("");
            String[] parts = publication.relative().split("/");
            for (int i = 1; i < parts.length; i++) {
                ancestors.add(String.join("/", Arrays.asList(parts).subList(0, i)));
            }
            for (String ancestor : ancestors) {
                if (checked.add(ancestor) && !fs.exists(staging.inOutput(ancestor))) {
                    missing.add(ancestor);
                }
            }
        }
        if (publications.isEmpty() && !fs.exists(staging.output)) {
            missing.add(""); // only _SUCCESS will be written, into a new output directory
        }
        return List.copyOf(missing);
    }

    /**
     * Replaces the output's {@code _SUCCESS}, keeping the previous one in trash for a rollback.
     * Lenient where a concurrent job on other partitions replaces it at the same moment: a marker
     * that vanished or appeared in between is that job's, and one marker in the end is enough.
     */
    private void publishSuccessMarker() throws IOException {
        Path success = new Path(staging.output, StagingDirectory.SUCCESS);
        Path trash = staging.trash(StagingDirectory.SUCCESS);
        if (fs.exists(success)) {
            fs.mkdirs(trash.getParent());
            fs.rename(success, trash);
        }
        fs.mkdirs(staging.output);
        if (!fs.rename(staging.stagedSuccess(), success) && !fs.exists(success)) {
            throw new IOException("Could not write " + success);
        }
    }

    private String successText() {
        return "job=" + jobId + "\nmode=" + mode + "\n";
    }

    /** Entries of the output a reader would see, for ERROR_IF_EXISTS. */
    static List<FileStatus> visibleEntries(FileSystem fs, Path output) throws IOException {
        List<FileStatus> visible = new ArrayList<>();
        for (FileStatus status : fs.listStatus(output)) {
            if (!PartitionPaths.isHidden(status.getPath().getName())) {
                visible.add(status);
            }
        }
        return visible;
    }
}
