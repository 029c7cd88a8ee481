package io.spindle.plan.optimizer;

import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.ScalarEvaluator;
import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * Replaces expressions over literals only by their value.
 *
 * <pre>
 * Filter (x &lt; (1 + 2))          Filter (x &lt; 3)
 *   +- Scan            ==&gt;       +- Scan
 * </pre>
 *
 * Hazard: an expression that fails (1 / 0, an overflow, a bad cast) is left alone, so that the
 * error happens at run time, and only if a row reaches it, as in an unoptimized plan.
 */
public final class ConstantFolding implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        LogicalPlan folded = node.mapExpressions(expression -> expression.transformDown(ConstantFolding::fold));
        return folded == node || folded.equals(node) ? Optional.empty() : Optional.of(folded);
    }

    private static Expression fold(Expression expression) {
        if (expression instanceof Literal || !expression.foldable()) {
            return expression;
        }
        try {
            return new Literal(ScalarEvaluator.eval(expression, new Object[0]), expression.dataType());
        } catch (EvaluationException e) {
            return expression;
        }
    }
}
