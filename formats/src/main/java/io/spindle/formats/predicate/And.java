package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code left AND right}. */
public record And(Predicate left, Predicate right) implements Predicate {
    public And {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
