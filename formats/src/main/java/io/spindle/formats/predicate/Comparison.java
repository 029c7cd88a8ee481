package io.spindle.formats.predicate;

import java.util.Objects;

/** {@code column <op> literal}; the literal is never null (a comparison with NULL matches nothing). */
public record Comparison(String column, ComparisonOperator operator, Object literal) implements Predicate {
    public Comparison {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(literal, "literal: fold comparisons with NULL before pushing them down");
    }

    @Override
    public String toString() {
        return column + " " + operator.symbol() + " " + Literals.format(literal);
    }
}
