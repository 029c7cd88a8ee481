package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/** Three-valued AND: false if either side is false, else null if either is null, else true. */
public record And(Expression left, Expression right) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new And(children.get(0), children.get(1));
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
        return "(" + left + " AND " + right + ")";
    }
}
