package io.spindle.rdd;

import java.io.Serializable;
import java.util.Iterator;

/** Turns one parent partition's records into the child's: the body of a narrow transformation. */
@FunctionalInterface
public interface PartitionFunction<T, U> extends Serializable {
    Iterator<U> apply(int partition, Iterator<T> input) throws Exception;
}
