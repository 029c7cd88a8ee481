package io.spindle.formats.commit;

import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * The paths of one job's staging directory, a hidden sibling of the output directory:
 *
 * <pre>
 * parent/
 *   table/                              the output: readers see only what job commit moves here
 *   .spindle-staging-&lt;jobId&gt;/
 *     _OUTPUT                           the output path, so stale staging can be matched to its table
 *     task-00003-attempt-1/a=1/part-... what one task attempt wrote
 *     new/                              the next contents of the output (or of its partitions)
 *     trash/                            previous contents moved aside, deleted after the commit
 *     _journal                          written before the first visible change
 *     _committed                        written after the last visible change
 *     _SUCCESS                          staged marker, moved into the output last
 * </pre>
 *
 * A sibling rather than a subdirectory so that OVERWRITE can swap the whole output directory with
 * two renames; being in the same parent keeps it on the same file system (and HDFS encryption
 * zone), where rename is a metadata operation.
 */
final class StagingDirectory {
    static final String PREFIX = ".spindle-staging-";
    static final String OUTPUT_MARKER = "_OUTPUT";
    static final String SUCCESS = "_SUCCESS";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    final Path output;
    final Path root;

    StagingDirectory(Path output, String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("A job id must be 1 to 100 letters, digits, '_' or '-' (it is part of "
                    + "file names), got '" + jobId + "'");
        }
        if (output.getParent() == null) {
            throw new IllegalArgumentException("Cannot write to the root directory " + output);
        }
        this.output = output;
        this.root = new Path(output.getParent(), PREFIX + jobId);
    }

    /** Whether a directory name is one a {@code StagingDirectory} would create. */
    static boolean isStagingName(String name) {
        return name.startsWith(PREFIX) && JOB_ID.matcher(name.substring(PREFIX.length())).matches();
    }

    Path attempt(int partition, int attempt) {
        return new Path(root, String.format("task-%05d-attempt-%d", partition, attempt));
    }

    Path outputMarker() {
        return new Path(root, OUTPUT_MARKER);
    }

    Path journal() {
        return new Path(root, "_journal");
    }

    Path committedMarker() {
        return new Path(root, "_committed");
    }

    Path stagedSuccess() {
        return new Path(root, SUCCESS);
    }

    /** Where the entry at {@code relative} in the output is assembled before it is published. */
    Path next(String relative) {
        return relative.isEmpty() ? new Path(root, "new") : new Path(new Path(root, "new"), relative);
    }

    /** Where the previous entry at {@code relative} in the output waits until the commit is final. */
    Path trash(String relative) {
        // "_root" cannot clash with a partition directory, whose name always contains '='.
        return new Path(new Path(root, "trash"), relative.isEmpty() ? "_root" : relative);
    }

    Path inOutput(String relative) {
        return relative.isEmpty() ? output : new Path(output, relative);
    }
}
