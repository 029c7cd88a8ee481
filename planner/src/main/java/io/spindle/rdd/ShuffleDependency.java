package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.api.Tuple2;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A stage boundary: the parent's key-value records are partitioned by {@link #partitioner()},
 * optionally combined map-side with {@link #aggregator()}, and written as one data file plus index
 * per map task under {@link #directory(RddSettings)}.
 *
 * <p>The driver records the committed map outputs here ({@link #markComputed}) before it ships the
 * reading stage, so the reducers find them in the lineage they receive; a later action over the
 * same lineage reuses them instead of running the map stage again.
 */
public final class ShuffleDependency<K, V, C> implements Dependency, Serializable {
    private static final long serialVersionUID = 1L;

    private final Rdd<? extends Tuple2<K, V>> rdd;
    private final Partitioner partitioner;
    private final Aggregator<K, V, C> aggregator;
    private final boolean mapSideCombine;
    private final String shuffleId = UUID.randomUUID().toString();
    private volatile List<String> indexFiles;

    public ShuffleDependency(Rdd<? extends Tuple2<K, V>> rdd, Partitioner partitioner, Aggregator<K, V, C> aggregator,
            boolean mapSideCombine) {
        if (mapSideCombine && aggregator == null) {
            throw new IllegalArgumentException("A map-side combine needs an aggregator");
        }
        this.rdd = rdd;
        this.partitioner = partitioner;
        this.aggregator = aggregator;
        this.mapSideCombine = mapSideCombine;
    }

    @Override
    public Rdd<? extends Tuple2<K, V>> rdd() {
        return rdd;
    }

    public Partitioner partitioner() {
        return partitioner;
    }

    /** Null when values are shuffled as they are. */
    public Aggregator<K, V, C> aggregator() {
        return aggregator;
    }

    public boolean mapSideCombine() {
        return mapSideCombine;
    }

    public String directory(RddSettings settings) {
        return settings.shuffleRoot() + "/rdd-shuffle-" + shuffleId;
    }

    public boolean isComputed() {
        return indexFiles != null;
    }

    public void markComputed(List<String> committedIndexFiles) {
        this.indexFiles = List.copyOf(committedIndexFiles);
    }

    /** The committed index files, one per map partition, once the map stage ran. */
    public List<String> indexFiles() {
        if (indexFiles == null) {
            throw new IllegalStateException("Shuffle " + shuffleId + " is read before its map stage ran");
        }
        return indexFiles;
    }
}
