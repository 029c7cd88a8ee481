package io.spindle.rdd;

import io.spindle.api.Rdd;
import java.util.Iterator;
import java.util.List;

/** A narrow transformation: partition p is a function of the parent's partition p, in the same task. */
public final class MapPartitionsRdd<T, U> extends Rdd<U> {
    private static final long serialVersionUID = 1L;

    private final Rdd<T> parent;
    private final PartitionFunction<T, U> function;

    public MapPartitionsRdd(Rdd<T> parent, PartitionFunction<T, U> function) {
        super(parent.context());
        this.parent = parent;
        this.function = function;
    }

    @Override
    public int numPartitions() {
        return parent.numPartitions();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of(new NarrowDependency(parent));
    }

    @Override
    protected Iterator<U> compute(int partition, TaskEnvironment environment) throws Exception {
        return function.apply(partition, parent.iterator(partition, environment));
    }

    @Override
    public List<String> preferredHosts(int partition) {
        return parent.preferredHosts(partition);
    }
}
