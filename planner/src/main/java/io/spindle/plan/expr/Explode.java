package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * {@code explode(split(...))}: one output row per piece, the other columns repeated. A NULL input
 * gives no row, or one row with a NULL piece when {@code outer} ({@code explode_outer}). A
 * generator, not a scalar: it only appears as the generator of a
 * {@link io.spindle.plan.logical.Generate}.
 */
public record Explode(Expression array, boolean outer) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(array);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Explode(children.get(0), outer);
    }

    @Override
    public DataType dataType() {
        return array.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return (outer ? "explode_outer(" : "explode(") + array + ")";
    }
}
