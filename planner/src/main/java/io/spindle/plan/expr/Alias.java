package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/** Names a computed column; {@link #id()} becomes the id of the output attribute. */
public record Alias(Expression child, String name, long id) implements NamedExpression {

    public static Alias create(Expression child, String name) {
        return new Alias(child, name, ExprIds.next());
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Alias(children.get(0), name, id);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public boolean foldable() {
        return false; // the alias itself names a column; its child may fold
    }

    @Override
    public ColumnRef toAttribute() {
        return new ColumnRef(id, name, child.dataType(), child.nullable());
    }

    @Override
    public String toString() {
        return child + " AS " + name + "#" + id;
    }
}
