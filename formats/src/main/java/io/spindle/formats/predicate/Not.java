package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code NOT child}: true when the child is false; unknown (null) stays unknown. */
public record Not(Predicate child) implements Predicate {
    public Not {
        Objects.requireNonNull(child, "child");
    }

    @Override
    public String toString() {
        return "NOT " + child;
    }
}
