package io.spindle.rdd;

import io.spindle.api.Rdd;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A driver-side list cut into slices. The slices travel with the lineage, so keep such lists small. */
public final class ParallelCollectionRdd<T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    private final List<ArrayList<T>> slices;

    ParallelCollectionRdd(RddContext context, List<ArrayList<T>> slices) {
        super(context);
        this.slices = slices;
    }

    @Override
    public int numPartitions() {
        return slices.size();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of();
    }

    @Override
    protected Iterator<T> compute(int partition, TaskEnvironment environment) {
        return slices.get(partition).iterator();
    }
}
