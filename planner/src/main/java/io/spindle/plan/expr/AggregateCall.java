package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * A call of an aggregate function. {@code count(*)} has the literal 1 as its argument so that
 * every call has exactly one child.
 */
public record AggregateCall(AggregateFunction function, Expression argument, boolean distinct) implements Expression {

    public static AggregateCall countStar() {
        return new AggregateCall(AggregateFunction.COUNT_STAR, Literal.of(1), false);
    }

    @Override
    public List<Expression> children() {
        return List.of(argument);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new AggregateCall(function, children.get(0), distinct);
    }

    @Override
    public DataType dataType() {
        return function.resultType(argument.dataType());
    }

    @Override
    public boolean nullable() {
        return function != AggregateFunction.COUNT && function != AggregateFunction.COUNT_STAR;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        if (function == AggregateFunction.COUNT_STAR) {
            return "count(*)";
        }
        return function.displayName() + "(" + (distinct ? "DISTINCT " : "") + argument + ")";
    }
}
