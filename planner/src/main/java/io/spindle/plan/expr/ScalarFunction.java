package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** A call of a {@link BuiltinFunction}; NULL when any argument is NULL. */
public record ScalarFunction(BuiltinFunction function, List<Expression> arguments) implements Expression {

    public ScalarFunction {
        arguments = List.copyOf(arguments);
        if (!function.acceptsArity(arguments.size())) {
            throw new IllegalArgumentException(function.displayName() + " does not take " + arguments.size()
                    + " arguments");
        }
    }

    public static ScalarFunction of(BuiltinFunction function, Expression... arguments) {
        return new ScalarFunction(function, List.of(arguments));
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new ScalarFunction(function, children);
    }

    @Override
    public DataType dataType() {
        return function.resultType();
    }

    @Override
    public boolean nullable() {
        return function != BuiltinFunction.CURRENT_DATE;
    }

    @Override
    public boolean foldable() {
        return function == BuiltinFunction.CURRENT_DATE || Expression.super.foldable();
    }

    /** Evaluates on argument values already evaluated, in the argument types. */
    public Object evaluate(Object[] values) {
        if (function == BuiltinFunction.CURRENT_DATE) {
            return DateFunctions.currentDate();
        }
        for (Object value : values) {
            if (value == null) {
                return null;
            }
        }
        switch (function) {
            case LOWER: return StringFunctions.lower((String) values[0]);
            case UPPER: return StringFunctions.upper((String) values[0]);
            case LENGTH: return StringFunctions.length((String) values[0]);
            case TRIM: return StringFunctions.trim((String) values[0]);
            case SUBSTRING: return StringFunctions.substring((String) values[0], (Integer) values[1], (Integer) values[2]);
            case CONCAT: return StringFunctions.concat(values);
            case LIKE: return StringFunctions.like((String) values[0], (String) values[1]);
            case REGEXP_EXTRACT:
                return StringFunctions.regexpExtract((String) values[0], (String) values[1], (Integer) values[2]);
            case SPLIT_ITEM: {
                String[] pieces = StringFunctions.split((String) values[0], (String) values[1]);
                int index = (Integer) values[2];
                return index >= 0 && index < pieces.length ? pieces[index] : null;
            }
            case TO_DATE:
                return values.length == 1 ? Casts.cast(values[0], DataType.STRING, DataType.DATE)
                        : DateFunctions.toDate((String) values[0], (String) values[1]);
            case CURRENT_DATE: return DateFunctions.currentDate();
            case DATE_ADD: return DateFunctions.addDays(values[0], (Integer) values[1]);
            case DATE_SUB: return DateFunctions.addDays(values[0], -(long) (Integer) values[1]);
            case DATEDIFF: return DateFunctions.dateDiff(values[0], values[1]);
            case YEAR: return ((java.time.LocalDate) values[0]).getYear();
            case MONTH: return ((java.time.LocalDate) values[0]).getMonthValue();
            case DAYOFMONTH: return ((java.time.LocalDate) values[0]).getDayOfMonth();
            case DATE_FORMAT: return DateFunctions.format((java.time.Instant) values[0], (String) values[1]);
        }
        throw new AssertionError(function);
    }

    @Override
    public String toString() {
        return function.displayName() + "(" + arguments.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")";
    }
}
