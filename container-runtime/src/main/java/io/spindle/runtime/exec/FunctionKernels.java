package io.spindle.runtime.exec;

import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.IsNotNull;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.ScalarFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Vectorized kernels for CASE WHEN, COALESCE, IN and the built-in string and date functions,
 * chosen once per task by {@link EvaluatorCompiler} before it falls back to row-by-row evaluation.
 * Returns null for what has no kernel: current_date (folded at planning), functions whose
 * pattern, group or index is not a literal, and CASE / COALESCE whose branches could fail on rows
 * that do not take them.
 */
final class FunctionKernels {
    private FunctionKernels() {}

    static VectorEvaluator compile(Expression expression) {
        if (expression instanceof CaseWhen caseWhen && cannotFail(caseWhen)) {
            return new ConditionalEvaluators.CaseWhenEvaluator(caseWhen.dataType(), compileAll(caseWhen.conditions()),
                    compileAll(caseWhen.values()), EvaluatorCompiler.compile(caseWhen.elseValue()));
        }
        if (expression instanceof Coalesce coalesce && cannotFail(coalesce)) {
            return new ConditionalEvaluators.CoalesceEvaluator(coalesce.dataType(), compileAll(coalesce.arguments()));
        }
        if (expression instanceof In in && InEvaluator.supports(in)) {
            return new InEvaluator(EvaluatorCompiler.compile(in.value()), in.list());
        }
        if (expression instanceof ScalarFunction function) {
            return function(function);
        }
        return null;
    }

    private static VectorEvaluator function(ScalarFunction function) {
        List<Expression> arguments = function.arguments();
        switch (function.function()) {
            case LOWER:
            case UPPER:
            case LENGTH:
            case TRIM:
                return new StringKernels.Unary(function.function(), EvaluatorCompiler.compile(arguments.get(0)));
            case SUBSTRING:
                if (arguments.get(1) instanceof Literal position && arguments.get(2) instanceof Literal length
                        && position.value() != null && length.value() != null) {
                    return new StringKernels.Substring(EvaluatorCompiler.compile(arguments.get(0)),
                            (Integer) position.value(), (Integer) length.value());
                }
                return null;
            case CONCAT:
                return new StringKernels.Concat(compileAll(arguments));
            case LIKE:
                if (arguments.get(1) instanceof Literal pattern && pattern.value() != null) {
                    return StringKernels.Like.create(EvaluatorCompiler.compile(arguments.get(0)), (String) pattern.value());
                }
                return null;
            case YEAR:
            case MONTH:
            case DAYOFMONTH:
                return new DateKernels.Field(function.function(), EvaluatorCompiler.compile(arguments.get(0)));
            case DATE_ADD:
            case DATE_SUB:
                return new DateKernels.AddDays(EvaluatorCompiler.compile(arguments.get(0)),
                        EvaluatorCompiler.compile(arguments.get(1)), function.function() == BuiltinFunction.DATE_SUB);
            case DATEDIFF:
                return new DateKernels.DateDiff(EvaluatorCompiler.compile(arguments.get(0)),
                        EvaluatorCompiler.compile(arguments.get(1)));
            case REGEXP_EXTRACT:
                if (literal(arguments.get(1)) && literal(arguments.get(2))) {
                    return new RegexKernels.RegexpExtract(EvaluatorCompiler.compile(arguments.get(0)),
                            (String) ((Literal) arguments.get(1)).value(), (Integer) ((Literal) arguments.get(2)).value());
                }
                return null;
            case SPLIT_ITEM:
                if (literal(arguments.get(1)) && literal(arguments.get(2))) {
                    return new RegexKernels.SplitItem(EvaluatorCompiler.compile(arguments.get(0)),
                            (String) ((Literal) arguments.get(1)).value(), (Integer) ((Literal) arguments.get(2)).value());
                }
                return null;
            case TO_DATE:
                if (arguments.size() == 2 && literal(arguments.get(1))) {
                    return new DateFormatKernels.ToDate(EvaluatorCompiler.compile(arguments.get(0)),
                            (String) ((Literal) arguments.get(1)).value());
                }
                return null; // to_date(s) is a cast from string, still row by row
            case DATE_FORMAT:
                if (literal(arguments.get(1))) {
                    return new DateFormatKernels.DateFormat(EvaluatorCompiler.compile(arguments.get(0)),
                            (String) ((Literal) arguments.get(1)).value());
                }
                return null;
            case CURRENT_DATE:
                return null;
        }
        throw new AssertionError(function.function());
    }

    /** A non-NULL literal argument: patterns, groups and indexes are compiled into the kernel. */
    private static boolean literal(Expression argument) {
        return argument instanceof Literal literal && literal.value() != null;
    }

    /**
     * Whether evaluating the expression on any row is free of errors, so evaluating a branch on rows
     * that do not take it changes nothing: columns, literals, comparisons, logic, null tests, IN,
     * nested conditionals, and arithmetic that cannot overflow or divide by zero (double, or a
     * remainder by a non-zero literal).
     */
    static boolean cannotFail(Expression expression) {
        if (expression instanceof Alias || expression instanceof BoundRef || expression instanceof Literal
                || expression instanceof Comparison || expression instanceof And || expression instanceof Or
                || expression instanceof Not || expression instanceof IsNull || expression instanceof IsNotNull
                || expression instanceof In || expression instanceof CaseWhen || expression instanceof Coalesce) {
            for (Expression child : expression.children()) {
                if (!cannotFail(child)) {
                    return false;
                }
            }
            return true;
        }
        if (expression instanceof Arithmetic arithmetic) {
            boolean safe = arithmetic.dataType().kind() == TypeKind.DOUBLE
                    && arithmetic.operator() != ArithmeticOperator.DIVIDE
                    && arithmetic.operator() != ArithmeticOperator.REMAINDER
                    || arithmetic.operator() == ArithmeticOperator.REMAINDER
                    && arithmetic.dataType().kind() != TypeKind.DECIMAL
                    && arithmetic.right() instanceof Literal divisor && divisor.value() instanceof Number number
                    && number.doubleValue() != 0;
            return safe && cannotFail(arithmetic.left()) && cannotFail(arithmetic.right());
        }
        return false;
    }

    private static List<VectorEvaluator> compileAll(List<Expression> expressions) {
        List<VectorEvaluator> compiled = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            compiled.add(EvaluatorCompiler.compile(expression));
        }
        return compiled;
    }
}
