package io.spindle.api.function;

import java.io.Serializable;

/** A two-argument function shipped to executors, such as the merge of reduceByKey. */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    R call(T1 first, T2 second) throws Exception;
}
