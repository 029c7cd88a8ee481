package io.spindle.plan.physical;

/** How a join runs; explain prints the name. */
public enum JoinStrategy {
    /** The build side, collected once (a single-partition exchange), is read whole by every probe task. */
    BROADCAST_HASH("BroadcastHashJoin"),
    /** Both sides hash-partitioned by the keys; one hash table per partition, grace-spilled past the budget. */
    SHUFFLED_HASH("ShuffledHashJoin"),
    /**
     * Both sides hash-partitioned by the keys, each sorted by them with the external sort (spilling
     * past the budget), then merged; chosen over SHUFFLED_HASH by spindle.sql.join.preferSortMergeJoin.
     */
    SORT_MERGE("SortMergeJoin");

    private final String displayName;

    JoinStrategy(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
