package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Helpers for lists of expressions held by plan nodes. */
final class Exprs {
    private Exprs() {}

    /** The list mapped, or the same list instance when no element changed (so rules can detect no-ops). */
    static <T extends Expression> List<T> map(List<T> expressions, Function<Expression, Expression> mapper,
            Class<T> type) {
        List<T> mapped = new ArrayList<>(expressions.size());
        boolean changed = false;
        for (T expression : expressions) {
            Expression result = mapper.apply(expression);
            changed |= result != expression;
            mapped.add(type.cast(result));
        }
        return changed ? mapped : expressions;
    }

    static List<ColumnRef> attributes(List<? extends Expression> named) {
        List<ColumnRef> output = new ArrayList<>(named.size());
        for (Expression expression : named) {
            if (!(expression instanceof NamedExpression namedExpression)) {
                throw new IllegalStateException("Unnamed expression " + expression + " in a resolved plan");
            }
            output.add(namedExpression.toAttribute());
        }
        return output;
    }
}
