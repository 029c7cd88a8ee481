package io.spindle.metastore.publish;

import io.spindle.metastore.PartitionStatistics;
import java.util.List;
import java.util.Optional;

/**
 * What publishing does to one partition.
 *
 * @param newLocation where the partition will point (for DROP: empty)
 * @param oldLocation where it points now, if it exists
 * @param statistics the statistics it will have (for DROP: the ones it had)
 */
public record PlannedPartition(String name, List<String> storedValues, Action action, String newLocation,
        Optional<String> oldLocation, PartitionStatistics statistics) {

    public enum Action {
        /** A new partition, pointing at the write's versioned directory. */
        ADD,
        /** An existing partition re-pointed at the write's versioned directory; the old version is deleted after. */
        REPLACE,
        /** Files moved into an existing partition's location; its statistics updated. */
        APPEND,
        /** A partition the write has no data for, dropped by {@link PublishMode#OVERWRITE_TABLE}. */
        DROP
    }

    public PlannedPartition {
        storedValues = List.copyOf(storedValues);
    }
}
