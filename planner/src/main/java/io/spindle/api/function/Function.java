package io.spindle.api.function;

import java.io.Serializable;

/** A one-argument function shipped to executors: must be serializable with what it captures. */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
    R call(T value) throws Exception;
}
