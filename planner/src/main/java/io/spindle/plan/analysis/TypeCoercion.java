package io.spindle.plan.analysis;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Cast;
import io.spindle.plan.expr.Casts;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.DecimalTypes;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts the implicit casts of Spark's ANSI mode into one resolved expression node whose children
 * are already coerced. Integer {@code /} becomes double division; integral operands of decimal
 * arithmetic widen to decimal (literals to just their digits, as Spark does); anything with a
 * double becomes double; a NULL literal takes the other side's type.
 */
final class TypeCoercion {
    private TypeCoercion() {}

    static Expression coerce(Expression expression) {
        if (expression instanceof Arithmetic arithmetic) {
            return coerceArithmetic(arithmetic);
        }
        if (expression instanceof Comparison comparison) {
            DataType common = commonType(comparison.left(), comparison.right(), true);
            return new Comparison(comparison.operator(), castTo(comparison.left(), common),
                    castTo(comparison.right(), common));
        }
        if (expression instanceof And and) {
            return new And(requireBoolean(and.left(), "AND"), requireBoolean(and.right(), "AND"));
        }
        if (expression instanceof Or or) {
            return new Or(requireBoolean(or.left(), "OR"), requireBoolean(or.right(), "OR"));
        }
        if (expression instanceof Not not) {
            return new Not(requireBoolean(not.child(), "NOT"));
        }
        if (expression instanceof In in) {
            DataType common = in.value().dataType();
            for (Expression element : in.list()) {
                common = widerOf(common, element, true);
            }
            List<Expression> list = new ArrayList<>();
            for (Expression element : in.list()) {
                list.add(castTo(element, common));
            }
            return new In(castTo(in.value(), common), list);
        }
        if (expression instanceof CaseWhen caseWhen) {
            return coerceCaseWhen(caseWhen);
        }
        if (expression instanceof Coalesce coalesce) {
            DataType common = commonOf(coalesce.arguments());
            return new Coalesce(coalesce.arguments().stream().map(argument -> castTo(argument, common)).toList());
        }
        if (expression instanceof io.spindle.plan.expr.ScalarFunction function) {
            return FunctionCoercion.coerce(function);
        }
        if (expression instanceof Cast cast) {
            if (!Casts.canCast(cast.child().dataType(), cast.dataType()) && !isNullLiteral(cast.child())) {
                throw new AnalysisException("Cannot cast " + cast.child() + " of type " + cast.child().dataType()
                        + " to " + cast.dataType());
            }
            return isNullLiteral(cast.child()) ? Literal.nullOf(cast.dataType()) : cast;
        }
        if (expression instanceof AggregateCall call && !call.function().accepts(call.argument().dataType())) {
            throw new AnalysisException(call.function().displayName() + " needs a numeric argument, but "
                    + call.argument() + " is " + call.argument().dataType());
        }
        return expression;
    }

    private static Expression coerceArithmetic(Arithmetic arithmetic) {
        Expression left = arithmetic.left();
        Expression right = arithmetic.right();
        for (Expression side : List.of(left, right)) {
            if (!isNullLiteral(side) && !DecimalTypes.isNumeric(side.dataType())) {
                throw new AnalysisException("Cannot apply " + arithmetic.operator().symbol() + " to " + side
                        + " of type " + side.dataType() + " in " + arithmetic);
            }
        }
        DataType leftType = isNullLiteral(left) ? right.dataType() : left.dataType();
        DataType rightType = isNullLiteral(right) ? leftType : right.dataType();
        if (isNullLiteral(left)) {
            leftType = rightType;
        }
        boolean integral = isIntegral(leftType) && isIntegral(rightType);
        if (arithmetic.operator() == ArithmeticOperator.DIVIDE && integral) {
            return new Arithmetic(arithmetic.operator(), castTo(left, DataType.DOUBLE), castTo(right, DataType.DOUBLE));
        }
        if (leftType.kind() == TypeKind.DOUBLE || rightType.kind() == TypeKind.DOUBLE) {
            return new Arithmetic(arithmetic.operator(), castTo(left, DataType.DOUBLE), castTo(right, DataType.DOUBLE));
        }
        if (leftType.kind() == TypeKind.DECIMAL || rightType.kind() == TypeKind.DECIMAL) {
            return new Arithmetic(arithmetic.operator(), castTo(left, decimalFor(left, leftType)),
                    castTo(right, decimalFor(right, rightType)));
        }
        DataType common = leftType.kind() == TypeKind.LONG || rightType.kind() == TypeKind.LONG
                ? DataType.LONG : DataType.INT;
        return new Arithmetic(arithmetic.operator(), castTo(left, common), castTo(right, common));
    }

    private static Expression coerceCaseWhen(CaseWhen caseWhen) {
        List<Expression> branches = new ArrayList<>(caseWhen.values());
        branches.add(caseWhen.elseValue());
        DataType common = commonOf(branches);
        List<Expression> conditions = caseWhen.conditions().stream().map(c -> requireBoolean(c, "CASE WHEN")).toList();
        List<Expression> values = caseWhen.values().stream().map(value -> castTo(value, common)).toList();
        return new CaseWhen(conditions, values, castTo(caseWhen.elseValue(), common));
    }

    /** Integral literals widen to a decimal of just their digits, as Spark does for literals. */
    private static DecimalType decimalFor(Expression side, DataType type) {
        if (side instanceof Literal literal && literal.value() != null && isIntegral(type)) {
            BigDecimal value = new BigDecimal(((Number) literal.value()).longValue());
            return DataType.decimal(Math.max(1, value.precision()), 0);
        }
        return DecimalTypes.forIntegral(type);
    }

    private static DataType commonOf(List<Expression> expressions) {
        DataType common = null;
        for (Expression expression : expressions) {
            if (isNullLiteral(expression)) {
                continue;
            }
            common = common == null ? expression.dataType() : widerOf(common, expression, false);
        }
        return common == null ? expressions.get(0).dataType() : common;
    }

    private static DataType commonType(Expression left, Expression right, boolean comparison) {
        if (isNullLiteral(left)) {
            return right.dataType();
        }
        return widerOf(left.dataType(), right, comparison);
    }

    private static DataType widerOf(DataType left, Expression rightExpression, boolean comparison) {
        if (isNullLiteral(rightExpression)) {
            return left;
        }
        DataType right = rightExpression.dataType();
        if (left.equals(right)) {
            return left;
        }
        if (DecimalTypes.isNumeric(left) && DecimalTypes.isNumeric(right)) {
            if (left.kind() == TypeKind.DOUBLE || right.kind() == TypeKind.DOUBLE) {
                return DataType.DOUBLE;
            }
            if (left.kind() == TypeKind.DECIMAL || right.kind() == TypeKind.DECIMAL) {
                DecimalType rightDecimal = decimalFor(rightExpression, right);
                return DecimalTypes.wider(DecimalTypes.forIntegral(left), rightDecimal);
            }
            return DataType.LONG;
        }
        if (isTemporal(left) && isTemporal(right)) {
            return DataType.TIMESTAMP;
        }
        if (comparison && left.kind() == TypeKind.STRING) {
            return right; // ANSI: the string side is cast to the other side's type
        }
        if (comparison && right.kind() == TypeKind.STRING) {
            return left;
        }
        if (!comparison && (left.kind() == TypeKind.STRING || right.kind() == TypeKind.STRING)) {
            return DataType.STRING;
        }
        throw new AnalysisException("Incompatible types " + left + " and " + right + " for " + rightExpression);
    }

    private static Expression requireBoolean(Expression expression, String operator) {
        if (isNullLiteral(expression)) {
            return Literal.nullOf(DataType.BOOLEAN);
        }
        if (expression.dataType().kind() != TypeKind.BOOLEAN) {
            throw new AnalysisException(operator + " needs boolean operands, but " + expression + " is "
                    + expression.dataType());
        }
        return expression;
    }

    static Expression castTo(Expression expression, DataType type) {
        if (isNullLiteral(expression)) {
            return Literal.nullOf(type);
        }
        if (expression.dataType().equals(type)) {
            return expression;
        }
        return new Cast(expression, type);
    }

    private static boolean isNullLiteral(Expression expression) {
        return expression instanceof Literal literal && literal.isNull();
    }

    private static boolean isIntegral(DataType type) {
        return type.kind() == TypeKind.INT || type.kind() == TypeKind.LONG;
    }

    private static boolean isTemporal(DataType type) {
        return type.kind() == TypeKind.DATE || type.kind() == TypeKind.TIMESTAMP;
    }
}
