package io.spindle.rdd;

import io.spindle.api.Tuple2;
import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) through which Rdd tasks reach the
 * record shuffle and the spilling combine and sort, which live in container-runtime.
 */
public interface RddRuntime {

    /** Partitions (and, if the dependency asks, combines) one map partition's records and commits them. */
    ShuffleMapStatus writeShuffle(ShuffleDependency<?, ?, ?> dependency, Iterator<? extends Tuple2<?, ?>> records,
            int mapId, TaskEnvironment environment) throws IOException;

    /** The records every map output wrote for {@code reducePartition}, as written (not combined). */
    <K, V> Iterator<Tuple2<K, V>> readShuffle(ShuffleDependency<K, ?, ?> dependency, int reducePartition,
            TaskEnvironment environment) throws IOException;

    /**
     * Combines values by key in a hash map that spills sorted runs past the task's memory budget.
     *
     * @param valuesAreCombiners whether the input values are already combiners (merged with
     *     {@link Aggregator#mergeCombiners}) rather than raw values
     */
    <K, V, C> Iterator<Tuple2<K, C>> combineByKey(Iterator<? extends Tuple2<K, ?>> records,
            Aggregator<K, V, C> aggregator, boolean valuesAreCombiners, TaskEnvironment environment) throws IOException;

    /** Sorts records by key with an external merge sort that spills past the task's memory budget. */
    <K, V> Iterator<Tuple2<K, V>> sortByKey(Iterator<Tuple2<K, V>> records, Comparator<? super K> ordering,
            TaskEnvironment environment) throws IOException;
}
