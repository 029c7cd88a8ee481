package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * ANSI cast: a value that does not fit the target ({@code '1.5'} or {@code 3e10} to int, an
 * invalid date) is an error, not NULL; fractional numbers cast to integers truncate toward zero;
 * decimals round half up when the scale shrinks. See {@link Casts} for the value-level rules.
 */
public record Cast(Expression child, DataType dataType) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Cast(children.get(0), dataType);
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public String toString() {
        return "cast(" + child + " as " + dataType.simpleString() + ")";
    }
}
