package io.spindle.rdd;

import java.io.Serializable;
import java.util.Iterator;

/** What an action does with one partition on the executor; its result travels to the driver. */
@FunctionalInterface
public interface PartitionAction<T, R extends Serializable> extends Serializable {
    R apply(int partition, Iterator<T> records, TaskEnvironment environment) throws Exception;
}
