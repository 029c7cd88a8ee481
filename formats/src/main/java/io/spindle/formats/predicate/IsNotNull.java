package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code column IS NOT NULL}. */
public record IsNotNull(String column) implements Predicate {
    public IsNotNull {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return column + " IS NOT NULL";
    }
}
