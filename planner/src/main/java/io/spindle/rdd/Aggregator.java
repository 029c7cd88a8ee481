package io.spindle.rdd;

import io.spindle.api.function.Function;
import io.spindle.api.function.Function2;
import java.io.Serializable;

/**
 * How values of one key become a combiner, as in Spark's combineByKey.
 *
 * @param growing whether a combiner grows with every value (groupByKey, cogroup) rather than
 *     staying one value (reduceByKey); decides how memory is accounted
 */
public record Aggregator<K, V, C>(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
        Function2<C, C, C> mergeCombiners, boolean growing) implements Serializable {

    public C create(V value) {
        return Functions.call(createCombiner, value);
    }

    public C merge(C combiner, V value) {
        return Functions.call(mergeValue, combiner, value);
    }

    public C combine(C left, C right) {
        return Functions.call(mergeCombiners, left, right);
    }
}
