package io.spindle.api;

import io.spindle.api.function.Function;
import io.spindle.api.function.Function2;
import io.spindle.rdd.Aggregator;
import io.spindle.rdd.CoGroupedRdd;
import io.spindle.rdd.HashPartitioner;
import io.spindle.rdd.Iterators;
import io.spindle.rdd.MapPartitionsRdd;
import io.spindle.rdd.Partitioner;
import io.spindle.rdd.RangePartitioner;
import io.spindle.rdd.RecordInput;
import io.spindle.rdd.RecordOutput;
import io.spindle.rdd.RecordSerde;
import io.spindle.rdd.ShuffledRdd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An Rdd of key-value pairs with the by-key operations, like Spark's JavaPairRDD. By-key
 * operations shuffle; reduceByKey and aggregateByKey combine map-side first. Without a partition
 * count they keep the parent's.
 */
public final class PairRdd<K, V> {
    private static final int SAMPLE_PER_PARTITION = 100;

    private final Rdd<Tuple2<K, V>> rdd;

    public PairRdd(Rdd<Tuple2<K, V>> rdd) {
        this.rdd = rdd;
    }

    public Rdd<Tuple2<K, V>> rdd() {
        return rdd;
    }

    public int numPartitions() {
        return rdd.numPartitions();
    }

    public <C> PairRdd<K, C> combineByKey(Aggregator<K, V, C> aggregator, Partitioner partitioner,
            boolean mapSideCombine) {
        return new PairRdd<>(new ShuffledRdd<>(rdd, partitioner, aggregator, mapSideCombine, null));
    }

    public PairRdd<K, V> reduceByKey(Function2<V, V, V> function) {
        return reduceByKey(function, rdd.numPartitions());
    }

    public PairRdd<K, V> reduceByKey(Function2<V, V, V> function, int partitions) {
        return combineByKey(new Aggregator<>(value -> value, function, function, false),
                new HashPartitioner(partitions), true);
    }

    public <U> PairRdd<K, U> aggregateByKey(U zero, Function2<U, V, U> sequence, Function2<U, U, U> combine) {
        return aggregateByKey(zero, rdd.numPartitions(), sequence, combine);
    }

    /** The zero is copied (through serialization) for every key, so a mutable zero is safe. */
    public <U> PairRdd<K, U> aggregateByKey(U zero, int partitions, Function2<U, V, U> sequence,
            Function2<U, U, U> combine) {
        RecordOutput out = new RecordOutput(64);
        RecordSerde.write(zero, out);
        byte[] zeroBytes = out.toByteArray();
        return combineByKey(new Aggregator<>(
                value -> sequence.call(RecordSerde.<U>read(new RecordInput(zeroBytes, 0, zeroBytes.length)), value),
                sequence, combine, false), new HashPartitioner(partitions), true);
    }

    public PairRdd<K, Iterable<V>> groupByKey() {
        return groupByKey(rdd.numPartitions());
    }

    /** All values of each key; the grouping spills past the task memory budget (no map-side combine). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PairRdd<K, Iterable<V>> groupByKey(int partitions) {
        Aggregator<K, V, ArrayList<V>> aggregator = new Aggregator<>(
                value -> {
                    ArrayList<V> list = new ArrayList<>();
                    list.add(value);
                    return list;
                },
                (list, value) -> {
                    list.add(value);
                    return list;
                },
                (left, right) -> {
                    left.addAll(right);
                    return left;
                }, true);
        return (PairRdd) combineByKey(aggregator, new HashPartitioner(partitions), false);
    }

    public <W> PairRdd<K, Tuple2<V, W>> join(PairRdd<K, W> other) {
        return join(other, Math.max(rdd.numPartitions(), other.numPartitions()));
    }

    /** Inner join: a pair for every combination of a left and a right value of the same key. */
    public <W> PairRdd<K, Tuple2<V, W>> join(PairRdd<K, W> other, int partitions) {
        CoGroupedRdd<K, V, W> grouped = new CoGroupedRdd<>(rdd, other.rdd, new HashPartitioner(partitions));
        return new PairRdd<>(grouped.flatMap(group -> {
            List<Tuple2<K, Tuple2<V, W>>> pairs = new ArrayList<>();
            for (V left : group._2()._1()) {
                for (W right : group._2()._2()) {
                    pairs.add(new Tuple2<>(group._1(), new Tuple2<>(left, right)));
                }
            }
            return pairs.iterator();
        }));
    }

    public PairRdd<K, V> sortByKey() {
        return sortByKey(true);
    }

    public PairRdd<K, V> sortByKey(boolean ascending) {
        return sortByKey(ascending, rdd.numPartitions());
    }

    /**
     * Sorts by the keys' natural order: a sample of keys picks range bounds (a job over the input),
     * then every range is shuffled to one partition and sorted there, spilling if large.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PairRdd<K, V> sortByKey(boolean ascending, int partitions) {
        Comparator<Object> natural = (Comparator) Comparator.naturalOrder();
        List<byte[]> samples = rdd.context().scheduler().runJob(rdd, (partition, records, environment) -> {
            List<Object> reservoir = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(partition);
            long seen = 0;
            while (records.hasNext()) {
                Object key = records.next()._1();
                if (reservoir.size() < SAMPLE_PER_PARTITION) {
                    reservoir.add(key);
                } else {
                    long slot = random.nextLong(seen + 1);
                    if (slot < SAMPLE_PER_PARTITION) {
                        reservoir.set((int) slot, key);
                    }
                }
                seen++;
            }
            return RecordSerde.serializeAll(reservoir.iterator(), new long[1]);
        });
        List<Object> sample = new ArrayList<>();
        for (byte[] part : samples) {
            sample.addAll(RecordSerde.deserializeAll(part));
        }
        RangePartitioner partitioner = RangePartitioner.fromSample(sample, partitions, natural, ascending);
        Comparator<Object> ordering = ascending ? natural : Collections.reverseOrder();
        return new PairRdd<>(new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, (Comparator) ordering));
    }

    public PairRdd<K, V> partitionBy(Partitioner partitioner) {
        return new PairRdd<>(new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, null));
    }

    public <U> PairRdd<K, U> mapValues(Function<V, U> function) {
        return new PairRdd<>(new MapPartitionsRdd<>(rdd, (partition, input) -> Iterators.map(input,
                pair -> new Tuple2<>(pair._1(), function.call(pair._2())))));
    }

    public Rdd<K> keys() {
        return rdd.map(Tuple2::_1);
    }

    public Rdd<V> values() {
        return rdd.map(Tuple2::_2);
    }

    public <R> Rdd<R> map(Function<Tuple2<K, V>, R> function) {
        return rdd.map(function);
    }

    public PairRdd<K, V> filter(Function<Tuple2<K, V>, Boolean> predicate) {
        return new PairRdd<>(rdd.filter(predicate));
    }

    public PairRdd<K, V> union(PairRdd<K, V> other) {
        return new PairRdd<>(rdd.union(other.rdd));
    }

    public PairRdd<K, V> cache() {
        rdd.cache();
        return this;
    }

    public PairRdd<K, V> persist() {
        rdd.persist();
        return this;
    }

    public long count() {
        return rdd.count();
    }

    public List<Tuple2<K, V>> collect() {
        return rdd.collect();
    }

    public List<Tuple2<K, V>> take(int n) {
        return rdd.take(n);
    }

    /** The pairs as a map; a key seen twice keeps its last value. */
    public Map<K, V> collectAsMap() {
        Map<K, V> map = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            map.put(pair._1(), pair._2());
        }
        return map;
    }

    public void saveAsTextFile(String path) {
        rdd.saveAsTextFile(path);
    }

}
