package io.spindle.plan.optimizer;

import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces references to a project's aliases by the aliased expressions, to move work across it. */
final class Substitution {
    private Substitution() {}

    static Map<ColumnRef, Expression> aliases(List<Expression> projections) {
        Map<ColumnRef, Expression> aliases = new HashMap<>();
        for (Expression projection : projections) {
            if (projection instanceof Alias alias) {
                aliases.put(alias.toAttribute(), alias.child());
            }
        }
        return aliases;
    }

    static Expression substitute(Expression expression, Map<ColumnRef, Expression> aliases) {
        return expression.transformUp(part -> part instanceof ColumnRef ref && aliases.containsKey(ref)
                ? aliases.get(ref) : part);
    }
}
