package io.spindle.plan.expr;

import io.spindle.formats.predicate.Literals;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Evaluates a resolved expression on one row of Java values. It defines Spindle's value semantics
 * in one readable place: constant folding uses it on the driver, and the runtime uses it as the
 * slow path for expressions it has no vectorized kernel for. Bound references read
 * {@code row[ordinal]}; a {@link ColumnRef} cannot be evaluated.
 */
public final class ScalarEvaluator {
    private ScalarEvaluator() {}

    public static Object eval(Expression expression, Object[] row) {
        if (expression instanceof Literal literal) {
            return literal.value();
        }
        if (expression instanceof BoundRef ref) {
            return row[ref.ordinal()];
        }
        if (expression instanceof Alias alias) {
            return eval(alias.child(), row);
        }
        if (expression instanceof Arithmetic arithmetic) {
            Object left = eval(arithmetic.left(), row);
            Object right = left == null ? null : eval(arithmetic.right(), row);
            return left == null || right == null ? null
                    : arithmetic(arithmetic.operator(), left, right, arithmetic.dataType());
        }
        if (expression instanceof Comparison comparison) {
            return compare(comparison, row);
        }
        if (expression instanceof And and) {
            Object left = eval(and.left(), row);
            if (Boolean.FALSE.equals(left)) {
                return false;
            }
            Object right = eval(and.right(), row);
            if (Boolean.FALSE.equals(right)) {
                return false;
            }
            return left == null || right == null ? null : true;
        }
        if (expression instanceof Or or) {
            Object left = eval(or.left(), row);
            if (Boolean.TRUE.equals(left)) {
                return true;
            }
            Object right = eval(or.right(), row);
            if (Boolean.TRUE.equals(right)) {
                return true;
            }
            return left == null || right == null ? null : false;
        }
        if (expression instanceof Not not) {
            Object value = eval(not.child(), row);
            return value == null ? null : !(Boolean) value;
        }
        if (expression instanceof IsNull isNull) {
            return eval(isNull.child(), row) == null;
        }
        if (expression instanceof IsNotNull isNotNull) {
            return eval(isNotNull.child(), row) != null;
        }
        if (expression instanceof Cast cast) {
            return Casts.cast(eval(cast.child(), row), cast.child().dataType(), cast.dataType());
        }
        if (expression instanceof In in) {
            return in(in, row);
        }
        if (expression instanceof CaseWhen caseWhen) {
            for (int i = 0; i < caseWhen.conditions().size(); i++) {
                if (Boolean.TRUE.equals(eval(caseWhen.conditions().get(i), row))) {
                    return eval(caseWhen.values().get(i), row);
                }
            }
            return eval(caseWhen.elseValue(), row);
        }
        if (expression instanceof Coalesce coalesce) {
            for (Expression argument : coalesce.arguments()) {
                Object value = eval(argument, row);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        if (expression instanceof ScalarFunction function) {
            Object[] values = new Object[function.arguments().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = eval(function.arguments().get(i), row);
            }
            return function.evaluate(values);
        }
        throw new IllegalArgumentException("Cannot evaluate " + expression + " row by row");
    }

    /** {@code left op right} on non-null values of the operator's (coerced) input types. */
    public static Object arithmetic(ArithmeticOperator operator, Object left, Object right, DataType resultType) {
        switch (resultType.kind()) {
            case INT: return (int) integral(operator, (Integer) left, (Integer) right, true);
            case LONG: return integral(operator, (Long) left, (Long) right, false);
            case DOUBLE: return floating(operator, (Double) left, (Double) right);
            case DECIMAL: return decimal(operator, (BigDecimal) left, (BigDecimal) right, (DecimalType) resultType);
            case BOOLEAN:
            case STRING:
            case DATE:
            case TIMESTAMP:
            case BINARY:
                break;
        }
        throw new IllegalArgumentException("No arithmetic on " + resultType);
    }

    /** Orders two non-null values of one type as comparisons do. */
    public static int compareValues(Object left, Object right, DataType type) {
        return Literals.compare(left, right, type);
    }

    private static long integral(ArithmeticOperator operator, long left, long right, boolean isInt) {
        try {
            long result;
            switch (operator) {
                case ADD: result = isInt ? Math.addExact((int) left, (int) right) : Math.addExact(left, right); break;
                case SUBTRACT: result = isInt ? Math.subtractExact((int) left, (int) right)
                        : Math.subtractExact(left, right); break;
                case MULTIPLY: result = isInt ? Math.multiplyExact((int) left, (int) right)
                        : Math.multiplyExact(left, right); break;
                case DIVIDE:
                    if (right == 0) {
                        throw EvaluationException.divideByZero();
                    }
                    result = left / right;
                    break;
                case REMAINDER:
                    if (right == 0) {
                        throw EvaluationException.divideByZero();
                    }
                    result = left % right;
                    break;
                default: throw new AssertionError(operator);
            }
            return result;
        } catch (ArithmeticException e) {
            throw EvaluationException.overflow((isInt ? "int " : "long ") + left + " " + operator.symbol() + " " + right);
        }
    }

    private static double floating(ArithmeticOperator operator, double left, double right) {
        switch (operator) {
            case ADD: return left + right;
            case SUBTRACT: return left - right;
            case MULTIPLY: return left * right;
            case DIVIDE:
                if (right == 0) {
                    throw EvaluationException.divideByZero();
                }
                return left / right;
            case REMAINDER:
                if (right == 0) {
                    throw EvaluationException.divideByZero();
                }
                return left % right;
        }
        throw new AssertionError(operator);
    }

    private static BigDecimal decimal(ArithmeticOperator operator, BigDecimal left, BigDecimal right, DecimalType type) {
        BigDecimal result;
        switch (operator) {
            case ADD: result = left.add(right); break;
            case SUBTRACT: result = left.subtract(right); break;
            case MULTIPLY: result = left.multiply(right); break;
            case DIVIDE:
                if (right.signum() == 0) {
                    throw EvaluationException.divideByZero();
                }
                result = left.divide(right, type.scale(), RoundingMode.HALF_UP);
                break;
            case REMAINDER:
                if (right.signum() == 0) {
                    throw EvaluationException.divideByZero();
                }
                result = left.remainder(right);
                break;
            default: throw new AssertionError(operator);
        }
        BigDecimal scaled = result.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale() && scaled.signum() != 0) {
            throw EvaluationException.overflow("decimal " + left.toPlainString() + " " + operator.symbol() + " "
                    + right.toPlainString() + " as " + type.simpleString());
        }
        return scaled;
    }

    private static Object compare(Comparison comparison, Object[] row) {
        Object left = eval(comparison.left(), row);
        Object right = eval(comparison.right(), row);
        if (left == null || right == null) {
            if (comparison.operator() == CompareOperator.NULL_SAFE_EQUAL) {
                return left == null && right == null;
            }
            return null;
        }
        return comparison.operator().test(compareValues(left, right, comparison.left().dataType()));
    }

    private static Object in(In in, Object[] row) {
        Object value = eval(in.value(), row);
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Expression element : in.list()) {
            Object candidate = eval(element, row);
            if (candidate == null) {
                sawNull = true;
            } else if (compareValues(value, candidate, in.value().dataType()) == 0) {
                return true;
            }
        }
        return sawNull ? null : false;
    }
}
