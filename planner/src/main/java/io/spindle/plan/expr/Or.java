package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/** Three-valued OR: true if either side is true, else null if either is null, else false. */
public record Or(Expression left, Expression right) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Or(children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
