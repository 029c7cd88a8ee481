package io.spindle.runtime.exec;

import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.Cast;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.IsNotNull;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;

/**
 * Compiles a bound expression into a tree of vectorized evaluators, choosing one kernel per
 * (operator, type). Anything without a kernel falls back to {@link RowEvaluator}, which is correct
 * but boxes; the choices are all made here, once per task.
 */
public final class EvaluatorCompiler {
    private EvaluatorCompiler() {}

    public static VectorEvaluator compile(Expression expression) {
        if (expression instanceof Alias alias) {
            return compile(alias.child());
        }
        if (expression instanceof BoundRef ref) {
            return new ColumnEvaluator(ref.ordinal(), ref.dataType());
        }
        if (expression instanceof Literal literal) {
            return new ConstantEvaluator(literal.value(), literal.dataType());
        }
        if (expression instanceof Arithmetic arithmetic) {
            return arithmetic(arithmetic);
        }
        if (expression instanceof Comparison comparison) {
            return new CompareEvaluator(comparison.operator(), compile(comparison.left()), compile(comparison.right()));
        }
        if (expression instanceof And and) {
            return new LogicalEvaluators.AndOr(compile(and.left()), compile(and.right()), false);
        }
        if (expression instanceof Or or) {
            return new LogicalEvaluators.AndOr(compile(or.left()), compile(or.right()), true);
        }
        if (expression instanceof Not not) {
            return new LogicalEvaluators.NotEvaluator(compile(not.child()));
        }
        if (expression instanceof IsNull isNull) {
            return new LogicalEvaluators.NullTest(compile(isNull.child()), false);
        }
        if (expression instanceof IsNotNull isNotNull) {
            return new LogicalEvaluators.NullTest(compile(isNotNull.child()), true);
        }
        if (expression instanceof Cast cast && CastEvaluator.supports(cast.child().dataType(), cast.dataType())) {
            return CastEvaluator.create(compile(cast.child()), cast.dataType());
        }
        VectorEvaluator kernel = FunctionKernels.compile(expression);
        return kernel != null ? kernel : new RowEvaluator(expression);
    }

    private static VectorEvaluator arithmetic(Arithmetic arithmetic) {
        TypeKind kind = arithmetic.dataType().kind();
        if (kind == TypeKind.DECIMAL) {
            boolean vectorized = arithmetic.operator() != ArithmeticOperator.DIVIDE
                    && arithmetic.operator() != ArithmeticOperator.REMAINDER;
            return vectorized ? new DecimalArithmetic(arithmetic.operator(), compile(arithmetic.left()),
                    compile(arithmetic.right()), (DecimalType) arithmetic.dataType()) : new RowEvaluator(arithmetic);
        }
        if (kind == TypeKind.LONG || kind == TypeKind.INT || kind == TypeKind.DOUBLE) {
            return NumericArithmetic.create(arithmetic.operator(), compile(arithmetic.left()),
                    compile(arithmetic.right()), arithmetic.dataType());
        }
        return new RowEvaluator(arithmetic);
    }
}
