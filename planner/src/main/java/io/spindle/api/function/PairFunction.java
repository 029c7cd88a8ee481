package io.spindle.api.function;

import io.spindle.api.Tuple2;
import java.io.Serializable;

/** Maps a value to a key-value pair (mapToPair). */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    Tuple2<K, V> call(T value) throws Exception;
}
