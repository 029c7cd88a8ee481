package io.spindle.formats.commit;

import java.io.Serializable;
import java.util.List;

/**
 * What a committed task attempt wrote, sent from the executor to the driver. The driver passes
 * every message it received to {@link FileCommitProtocol#commitJob}, which publishes only the
 * first message of each task partition, so a duplicate or speculative attempt never adds rows.
 */
public record TaskCommitMessage(int partition, int attempt, List<StagedFile> files) implements Serializable {
    public TaskCommitMessage {
        files = List.copyOf(files);
    }

    public long rows() {
        return files.stream().mapToLong(StagedFile::rows).sum();
    }

    public long bytes() {
        return files.stream().mapToLong(StagedFile::bytes).sum();
    }
}
