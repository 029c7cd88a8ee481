package io.spindle.formats.commit;

import java.util.List;

/**
 * What a job commit published: the files (relative to the output) and the partition directories
 * they are in, for the metastore's partition publish. Partitions are in first-seen order; ""
 * stands for the output directory itself when the data is not partitioned.
 */
public record JobCommitResult(List<StagedFile> files, List<String> partitions) {
    public JobCommitResult {
        files = List.copyOf(files);
        partitions = List.copyOf(partitions);
    }

    public long rows() {
        return files.stream().mapToLong(StagedFile::rows).sum();
    }
}
