package io.spindle.metastore.prune;

/** How {@link PartitionSelector} found a table's partitions. */
public enum PruningMethod {
    /** The metastore filtered the partitions ({@code listPartitionsByFilter}); only matches were fetched. */
    PUSHED_FILTER,
    /**
     * Nothing could be pushed: partition names were listed ({@code listPartitionNames}), the
     * predicate evaluated on their values, and only the survivors fetched ({@code getPartitionsByNames}).
     */
    NAMES_THEN_FETCH,
    /** No predicate on partition columns: every partition, fetched by name in batches. */
    NO_PREDICATE,
    /** The table has no partition columns. */
    UNPARTITIONED
}
