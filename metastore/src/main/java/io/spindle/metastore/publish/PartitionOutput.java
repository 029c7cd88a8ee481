package io.spindle.metastore.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One partition a job produced: its values and the versioned directory its files were committed
 * to ({@link PartitionPublisher#versionDirectory}).
 *
 * @param values the typed partition values in partition-column order (null for a null value)
 * @param rowCount rows in the partition's files, from the writers (the metastore's numRows)
 */
public record PartitionOutput(List<Object> values, String directory, long rowCount) {
    public PartitionOutput {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        Objects.requireNonNull(directory, "directory");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative, got " + rowCount);
        }
    }
}
