package io.spindle.rdd;

import io.spindle.api.Rdd;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The partitions of several Rdds one after the other; narrow, no shuffle. */
public final class UnionRdd<T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    private final List<Rdd<T>> parents;

    public UnionRdd(RddContext context, List<Rdd<T>> parents) {
        super(context);
        this.parents = List.copyOf(parents);
    }

    @Override
    public int numPartitions() {
        int total = 0;
        for (Rdd<T> parent : parents) {
            total += parent.numPartitions();
        }
        return total;
    }

    @Override
    public List<Dependency> dependencies() {
        List<Dependency> dependencies = new ArrayList<>();
        for (Rdd<T> parent : parents) {
            dependencies.add(new NarrowDependency(parent));
        }
        return dependencies;
    }

    @Override
    protected Iterator<T> compute(int partition, TaskEnvironment environment) {
        for (Rdd<T> parent : parents) {
            if (partition < parent.numPartitions()) {
                return parent.iterator(partition, environment);
            }
            partition -= parent.numPartitions();
        }
        throw new IndexOutOfBoundsException("No partition " + partition + " in a union");
    }
}
