package io.spindle.metastore.publish;

/** What a write does to the partitions already in the table. */
public enum PublishMode {
    /**
     * Adds the new files to the partitions they belong to. A new partition is added atomically; in an
     * existing one the files are moved into its current location one by one (see {@link PartitionPublisher}).
     */
    APPEND,
    /** Replaces the partitions the write has data for; all others stay. The default overwrite. */
    OVERWRITE_PARTITIONS,
    /** Replaces the whole table: partitions the write has no data for are dropped. Must be asked for. */
    OVERWRITE_TABLE
}
