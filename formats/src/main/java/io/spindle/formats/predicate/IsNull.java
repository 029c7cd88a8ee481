package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code column IS NULL}. */
public record IsNull(String column) implements Predicate {
    public IsNull {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return column + " IS NULL";
    }
}
