package io.spindle.api.function;

import java.io.Serializable;
import java.util.Iterator;

/** Maps one value to zero or more values (flatMap), or one partition's iterator to another (mapPartitions). */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    Iterator<R> call(T value) throws Exception;
}
