package io.spindle.api;

import java.io.Serializable;

/** A pair, the record of key-value Rdds; named and accessed like Scala's, as in Spark's Java API. */
public record Tuple2<A, B>(A _1, B _2) implements Serializable {

    public static <A, B> Tuple2<A, B> of(A first, B second) {
        return new Tuple2<>(first, second);
    }

    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
