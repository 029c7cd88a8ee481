package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.api.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Groups two key-value Rdds by key: both are shuffled with the same partitioner, and partition p
 * combines their partition p into, per key, the list of left values and the list of right values
 * (a spilling combine, so large groups of many keys do not exhaust the task's memory). The base
 * of join.
 */
public final class CoGroupedRdd<K, V, W> extends Rdd<Tuple2<K, Tuple2<List<V>, List<W>>>> {
    private static final long serialVersionUID = 1L;

    private final ShuffleDependency<K, V, V> left;
    private final ShuffleDependency<K, W, W> right;

    public CoGroupedRdd(Rdd<Tuple2<K, V>> left, Rdd<Tuple2<K, W>> right, Partitioner partitioner) {
        super(left.context());
        this.left = new ShuffleDependency<>(left, partitioner, null, false);
        this.right = new ShuffleDependency<>(right, partitioner, null, false);
    }

    @Override
    public int numPartitions() {
        return left.partitioner().numPartitions();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of(left, right);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Iterator<Tuple2<K, Tuple2<List<V>, List<W>>>> compute(int partition, TaskEnvironment environment)
            throws Exception {
        RddRuntime runtime = environment.runtime();
        Iterator<Tuple2<K, Tuple2<Integer, Object>>> tagged = Iterators.concat(
                Iterators.map(runtime.readShuffle(left, partition, environment),
                        record -> new Tuple2<>(record._1(), new Tuple2<>(0, record._2()))),
                Iterators.map(runtime.readShuffle(right, partition, environment),
                        record -> new Tuple2<>(record._1(), new Tuple2<>(1, record._2()))));
        Aggregator<K, Tuple2<Integer, Object>, ArrayList<ArrayList<Object>>> aggregator = new Aggregator<>(
                value -> add(groups(), value), CoGroupedRdd::add, CoGroupedRdd::merge, true);
        Iterator<Tuple2<K, ArrayList<ArrayList<Object>>>> grouped = runtime.combineByKey(tagged, aggregator, false,
                environment);
        return (Iterator) Iterators.map(grouped, group -> new Tuple2<>(group._1(),
                new Tuple2<>(group._2().get(0), group._2().get(1))));
    }

    private static ArrayList<ArrayList<Object>> groups() {
        ArrayList<ArrayList<Object>> groups = new ArrayList<>(2);
        groups.add(new ArrayList<>());
        groups.add(new ArrayList<>());
        return groups;
    }

    private static ArrayList<ArrayList<Object>> add(ArrayList<ArrayList<Object>> groups, Tuple2<Integer, Object> value) {
        groups.get(value._1()).add(value._2());
        return groups;
    }

    private static ArrayList<ArrayList<Object>> merge(ArrayList<ArrayList<Object>> a, ArrayList<ArrayList<Object>> b) {
        a.get(0).addAll(b.get(0));
        a.get(1).addAll(b.get(1));
        return a;
    }
}
