package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code left OR right}. */
public record Or(Predicate left, Predicate right) implements Predicate {
    public Or {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
