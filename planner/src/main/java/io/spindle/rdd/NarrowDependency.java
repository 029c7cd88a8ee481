package io.spindle.rdd;

import io.spindle.api.Rdd;

/** A child partition reads parent partitions directly, in the same task: no stage boundary. */
public record NarrowDependency(Rdd<?> rdd) implements Dependency {
}
