package io.spindle.api.function;

import java.io.Serializable;

/** A side-effecting function over values (foreach). */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    void call(T value) throws Exception;
}
