package io.spindle.plan.optimizer;

import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * Simplifies AND, OR and NOT with a constant operand, double negation, and drops a filter whose
 * condition is literally true.
 *
 * <pre>
 * Filter ((x &gt; 1) AND true)      Filter (x &gt; 1)
 * Filter true   +- c      ==&gt;     c
 * </pre>
 *
 * Null hazard: only rewrites that hold under three-valued logic are made. {@code x AND false} is
 * false whatever x is, and {@code x OR true} is true; but {@code x AND true} is x (NULL stays NULL).
 */
public final class SimplifyBooleanExpressions implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (node instanceof Filter filter && Literal.TRUE.equals(filter.condition())) {
            return Optional.of(filter.child());
        }
        LogicalPlan simplified = node.mapExpressions(expression -> expression.transformUp(SimplifyBooleanExpressions::simplify));
        return simplified.equals(node) ? Optional.empty() : Optional.of(simplified);
    }

    static Expression simplify(Expression expression) {
        if (expression instanceof And and) {
            if (Literal.TRUE.equals(and.left())) {
                return and.right();
            }
            if (Literal.TRUE.equals(and.right())) {
                return and.left();
            }
            if (Literal.FALSE.equals(and.left()) || Literal.FALSE.equals(and.right())) {
                return Literal.FALSE;
            }
        }
        if (expression instanceof Or or) {
            if (Literal.FALSE.equals(or.left())) {
                return or.right();
            }
            if (Literal.FALSE.equals(or.right())) {
                return or.left();
            }
            if (Literal.TRUE.equals(or.left()) || Literal.TRUE.equals(or.right())) {
                return Literal.TRUE;
            }
        }
        if (expression instanceof Not not) {
            if (not.child() instanceof Not inner) {
                return inner.child();
            }
            if (Literal.TRUE.equals(not.child())) {
                return Literal.FALSE;
            }
            if (Literal.FALSE.equals(not.child())) {
                return Literal.TRUE;
            }
        }
        return expression;
    }
}
