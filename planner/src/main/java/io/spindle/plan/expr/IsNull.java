package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/** True for NULL; never null itself. */
public record IsNull(Expression child) implements Expression {
    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new IsNull(children.get(0));
    }

    @Override
    public DataType dataType() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String toString() {
        return "isnull(" + child + ")";
    }
}
