package io.spindle.formats.predicate;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code column IN (v1, v2, ...)}; values are non-null literals and the list is non-empty. */
public record In(String column, List<Object> values) implements Predicate {
    public In {
        Objects.requireNonNull(column, "column");
        values = List.copyOf(values); // also rejects null elements
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
    }

    @Override
    public String toString() {
        return column + " IN (" + values.stream().map(Literals::format).collect(Collectors.joining(", ")) + ")";
    }
}
