package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/** NOT; NOT NULL is NULL. */
public record Not(Expression child) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Not(children.get(0));
    }

    @Override
    public DataType dataType() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public String toString() {
        return "NOT " + child;
    }
}
