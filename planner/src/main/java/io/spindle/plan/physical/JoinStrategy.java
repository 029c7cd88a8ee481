package io.spindle.plan.physical;

/** How a join runs; explain prints the name. */
public enum JoinStrategy {
    /** The build side, collected once (a single-partition exchange), is read whole by every probe task. */
    BROADCAST_HASH("BroadcastHashJoin"),
    /**
     * Both sides hash-partitioned by the keys; one hash table per partition, grace-spilled past the
     * budget; chosen when the build side per partition fits comfortably in the task budget.
     */
    SHUFFLED_HASH("ShuffledHashJoin"),
    /**
     * Both sides hash-partitioned by the keys, each sorted by them with the external sort (spilling
     * past the budget), then merged; chosen over SHUFFLED_HASH when the build side per partition would
     * not fit the task budget comfortably or both sides are over it, or always with
     * spindle.sql.join.preferSortMergeJoin (see {@link JoinPlanner}).
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
