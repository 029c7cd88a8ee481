package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * {@code split(string, regex)}: the pieces of the string between matches of the regex, empty
 * pieces kept (Spark's limit -1); NULL for a NULL string. Spindle has no array columns, so a split
 * is only usable where its pieces are consumed at once: as the argument of {@link Explode}, or
 * through {@code getItem(i)}. {@link #dataType()} is the type of one piece.
 */
public record Split(Expression string, String regex) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(string);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Split(children.get(0), regex);
    }

    @Override
    public DataType dataType() {
        return DataType.STRING;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** Never folded: a split has no scalar value. */
    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return "split(" + string + ", " + Literal.of(regex) + ")";
    }
}
