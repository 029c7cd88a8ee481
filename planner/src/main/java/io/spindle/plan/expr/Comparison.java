package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * {@code left op right}; after coercion both sides have one type (decimals: one precision and
 * scale). Strings compare by UTF-8 bytes (code point order); doubles order NaN above everything and
 * treat -0.0 as 0.0, as Spark does.
 */
public record Comparison(CompareOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Comparison(operator, children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return operator != CompareOperator.NULL_SAFE_EQUAL && (left.nullable() || right.nullable());
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
