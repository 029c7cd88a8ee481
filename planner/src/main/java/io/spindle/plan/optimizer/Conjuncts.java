package io.spindle.plan.optimizer;

import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/** Splitting a condition into its AND-ed parts and joining parts back, for the pushdown rules. */
final class Conjuncts {
    private Conjuncts() {}

    /** The AND-ed parts of a condition, in order; none for a null condition. */
    static List<Expression> of(Expression condition) {
        List<Expression> parts = new ArrayList<>();
        if (condition instanceof And and) {
            parts.addAll(of(and.left()));
            parts.addAll(of(and.right()));
        } else if (condition != null) {
            parts.add(condition);
        }
        return parts;
    }

    /**
     * How many leading parts may move: those before the first non-deterministic one. A part after
     * it is evaluated only on rows the non-deterministic part kept, so moving it below would change
     * the rows that part sees (Spark keeps the same order).
     */
    static int movablePrefix(List<Expression> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).deterministic()) {
                return i;
            }
        }
        return parts.size();
    }

    /** The parts AND-ed left to right; at least one part. */
    static Expression and(List<Expression> parts) {
        Expression result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            result = new And(result, parts.get(i));
        }
        return result;
    }
}
