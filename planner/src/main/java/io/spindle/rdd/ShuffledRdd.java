package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.api.Tuple2;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The reduce side of a shuffle: partition p is every map output's partition p, combined by key
 * when the dependency has an aggregator, sorted by key when an ordering is given (sortByKey).
 */
public final class ShuffledRdd<K, V, C> extends Rdd<Tuple2<K, C>> {
    private static final long serialVersionUID = 1L;

    private final ShuffleDependency<K, V, C> dependency;
    private final Comparator<? super K> keyOrdering;

    public ShuffledRdd(Rdd<? extends Tuple2<K, V>> parent, Partitioner partitioner, Aggregator<K, V, C> aggregator,
            boolean mapSideCombine, Comparator<? super K> keyOrdering) {
        super(parent.context());
        this.dependency = new ShuffleDependency<>(parent, partitioner, aggregator, mapSideCombine);
        this.keyOrdering = keyOrdering;
    }

    @Override
    public int numPartitions() {
        return dependency.partitioner().numPartitions();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of(dependency);
    }

    public Partitioner partitioner() {
        return dependency.partitioner();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterator<Tuple2<K, C>> compute(int partition, TaskEnvironment environment) throws Exception {
        RddRuntime runtime = environment.runtime();
        Iterator<Tuple2<K, Object>> records = runtime.readShuffle(dependency, partition, environment);
        Iterator<Tuple2<K, C>> result;
        if (dependency.aggregator() != null) {
            result = runtime.combineByKey(records, dependency.aggregator(), dependency.mapSideCombine(), environment);
        } else {
            result = (Iterator<Tuple2<K, C>>) (Iterator<?>) records;
        }
        if (keyOrdering != null) {
            result = runtime.sortByKey(result, keyOrdering, environment);
        }
        return result;
    }
}
