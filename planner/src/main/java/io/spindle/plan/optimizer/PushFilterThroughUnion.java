package io.spindle.plan.optimizer;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a filter above a UNION ALL onto every input, each with the union's columns replaced by
 * that input's columns at the same positions, so each input is filtered where it is read.
 *
 * <pre>
 * Filter (a &gt; 1)              Union
 *   +- Union          ==&gt;       :- Filter (a &gt; 1)
 *        :- Scan [a]              :  +- Scan [a]
 *        +- Scan [x]              +- Filter (x &gt; 1)
 *                                    +- Scan [x]
 * </pre>
 *
 * A row passes the union unchanged, so filtering before or after is the same. A non-deterministic
 * conjunct stays above, with every conjunct after it (they see only the rows it kept).
 */
public final class PushFilterThroughUnion implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Union union)) {
            return Optional.empty();
        }
        List<Expression> conjuncts = Conjuncts.of(filter.condition());
        int movable = Conjuncts.movablePrefix(conjuncts);
        if (movable == 0) {
            return Optional.empty();
        }
        List<Expression> pushed = conjuncts.subList(0, movable);
        List<Expression> kept = conjuncts.subList(movable, conjuncts.size());
        Expression condition = Conjuncts.and(pushed);
        List<ColumnRef> unionColumns = union.output();
        List<LogicalPlan> inputs = new ArrayList<>(union.children().size());
        for (LogicalPlan input : union.children()) {
            Map<ColumnRef, Expression> byPosition = new HashMap<>();
            for (int i = 0; i < unionColumns.size(); i++) {
                byPosition.put(unionColumns.get(i), input.output().get(i));
            }
            inputs.add(Filter.create(Substitution.substitute(condition, byPosition), input));
        }
        LogicalPlan pushedDown = union.withChildren(inputs);
        return Optional.of(kept.isEmpty() ? pushedDown : Filter.create(Conjuncts.and(kept), pushedDown));
    }
}
