package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.util.List;

/**
 * {@code left op right} under ANSI rules. After coercion both sides have the same type, except for
 * decimals, whose sides may differ in precision and scale and whose result type follows
 * {@link DecimalTypes}. Integer overflow and division by zero are errors; {@code /} on integers
 * never reaches here: coercion casts both sides to double first.
 */
public record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Arithmetic(operator, children.get(0), children.get(1));
    }

    @Override
    public DataType dataType() {
        DataType leftType = left.dataType();
        if (leftType.kind() == TypeKind.DECIMAL && right.dataType().kind() == TypeKind.DECIMAL) {
            return DecimalTypes.resultOf(operator, (DecimalType) leftType, (DecimalType) right.dataType());
        }
        return leftType;
    }

    @Override
    public boolean nullable() {
        // Division by zero is an error under ANSI, so only null inputs make a null.
        return left.nullable() || right.nullable();
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
