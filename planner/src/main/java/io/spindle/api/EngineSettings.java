package io.spindle.api;

import java.util.Set;

/**
 * The engine's settings, read from the session's configuration ({@link #from}); tests may replace
 * them with {@link Session#setEngineSettings}.
 *
 * @param excludedRules optimizer rules switched off, by class name (spindle.optimizer.excludedRules)
 * @param targetPartitionBytes adaptive reduce partition size (spindle.shuffle.targetPartitionBytes)
 * @param minimumPartitionBytes smallest coalesced partition (spindle.shuffle.minPartitionBytes)
 * @param maxShufflePartitions partitions a map task writes at most (spindle.shuffle.maxPartitions)
 * @param taskMemoryBytes memory budget of one task's operators before they spill (spindle.task.memoryBudget)
 * @param shuffleCompression "lz4" or "none" (spindle.shuffle.compression)
 * @param broadcastThresholdBytes broadcast a join side up to this size, 0 never (spindle.sql.autoBroadcastJoinThreshold)
 * @param preferSortMergeJoin shuffled joins sort and merge instead of hashing (spindle.sql.join.preferSortMergeJoin)
 */
public record EngineSettings(Set<String> excludedRules, long targetPartitionBytes, long minimumPartitionBytes,
        int maxShufflePartitions, long taskMemoryBytes, String shuffleCompression, long broadcastThresholdBytes,
        boolean preferSortMergeJoin) {

    public EngineSettings {
        excludedRules = Set.copyOf(excludedRules);
    }

    /** The settings a session's configuration asks for. */
    public static EngineSettings from(io.spindle.conf.SpindleConf conf) {
        Set<String> excluded = new java.util.LinkedHashSet<>();
        for (String rule : conf.get(io.spindle.conf.SpindleKeys.OPTIMIZER_EXCLUDED_RULES).split(",")) {
            if (!rule.isBlank()) {
                excluded.add(rule.strip());
            }
        }
        return new EngineSettings(excluded,
                conf.get(io.spindle.conf.SpindleKeys.SHUFFLE_TARGET_PARTITION_BYTES).bytes(),
                conf.get(io.spindle.conf.SpindleKeys.SHUFFLE_MIN_PARTITION_BYTES).bytes(),
                conf.get(io.spindle.conf.SpindleKeys.SHUFFLE_MAX_PARTITIONS),
                conf.get(io.spindle.conf.SpindleKeys.TASK_MEMORY_BUDGET).bytes(),
                conf.get(io.spindle.conf.SpindleKeys.SHUFFLE_COMPRESSION),
                conf.get(io.spindle.conf.SpindleKeys.SQL_AUTO_BROADCAST_JOIN_THRESHOLD).bytes(),
                conf.get(io.spindle.conf.SpindleKeys.SQL_JOIN_PREFER_SORT_MERGE_JOIN));
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Set.of(), 128L << 20, 1L << 20, 1000, 256L << 20, "lz4", 32L << 20, false);
    }

    public EngineSettings withExcludedRules(Set<String> rules) {
        return new EngineSettings(rules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, shuffleCompression, broadcastThresholdBytes, preferSortMergeJoin);
    }

    public EngineSettings withTargetPartitionBytes(long bytes) {
        return new EngineSettings(excludedRules, bytes, Math.min(minimumPartitionBytes, bytes), maxShufflePartitions,
                taskMemoryBytes, shuffleCompression, broadcastThresholdBytes, preferSortMergeJoin);
    }

    public EngineSettings withTaskMemoryBytes(long bytes) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                bytes, shuffleCompression, broadcastThresholdBytes, preferSortMergeJoin);
    }

    /** Broadcast join sides up to {@code bytes}; 0 or less never broadcasts. */
    public EngineSettings withBroadcastThreshold(long bytes) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, shuffleCompression, bytes, preferSortMergeJoin);
    }

    /** Shuffled joins as sort-merge joins (true) or shuffled hash joins (false). */
    public EngineSettings withPreferSortMergeJoin(boolean prefer) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, shuffleCompression, broadcastThresholdBytes, prefer);
    }

    public EngineSettings withShuffleCompression(String codec) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, codec, broadcastThresholdBytes, preferSortMergeJoin);
    }
}
