package io.spindle.rdd;

import io.spindle.api.Rdd;

/** An edge of the lineage: a parent Rdd, read either partition by partition (narrow) or through a shuffle. */
public sealed interface Dependency permits NarrowDependency, ShuffleDependency {
    Rdd<?> rdd();
}
