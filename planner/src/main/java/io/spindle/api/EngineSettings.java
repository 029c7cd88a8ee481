package io.spindle.api;

import java.util.Set;

/**
 * Engine settings that have no configuration key yet. Each names the key it will become; until
 * then a job or test sets them with {@link Session#setEngineSettings}.
 *
 * @param excludedRules optimizer rules switched off, by class name (spindle.optimizer.excludedRules)
 * @param targetPartitionBytes adaptive reduce partition size (spindle.sql.shuffle.targetPartitionBytes)
 * @param minimumPartitionBytes smallest coalesced partition (spindle.sql.shuffle.minPartitionBytes)
 * @param maxShufflePartitions partitions a map task writes at most (spindle.sql.shuffle.maxPartitions)
 * @param taskMemoryBytes memory budget of one task's operators before they spill (spindle.task.memoryBudget)
 * @param shuffleCompression "lz4" or "none" (spindle.shuffle.compression)
 */
public record EngineSettings(Set<String> excludedRules, long targetPartitionBytes, long minimumPartitionBytes,
        int maxShufflePartitions, long taskMemoryBytes, String shuffleCompression) {

    public EngineSettings {
        excludedRules = Set.copyOf(excludedRules);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Set.of(), 128L << 20, 1L << 20, 1000, 256L << 20, "lz4");
    }

    public EngineSettings withExcludedRules(Set<String> rules) {
        return new EngineSettings(rules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, shuffleCompression);
    }

    public EngineSettings withTargetPartitionBytes(long bytes) {
        return new EngineSettings(excludedRules, bytes, Math.min(minimumPartitionBytes, bytes), maxShufflePartitions,
                taskMemoryBytes, shuffleCompression);
    }

    public EngineSettings withTaskMemoryBytes(long bytes) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                bytes, shuffleCompression);
    }

    public EngineSettings withShuffleCompression(String codec) {
        return new EngineSettings(excludedRules, targetPartitionBytes, minimumPartitionBytes, maxShufflePartitions,
                taskMemoryBytes, codec);
    }
}
