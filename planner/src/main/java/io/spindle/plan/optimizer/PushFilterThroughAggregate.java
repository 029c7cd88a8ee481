package io.spindle.plan.optimizer;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.NamedExpression;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the conjuncts of a filter above a grouped aggregate that read only grouping results below
 * it: a group's rows share those values, so dropping rows of whole groups first gives the same
 * groups, and fewer rows are aggregated and shuffled.
 *
 * <pre>
 * Filter (k &gt; 1 AND total &gt; 10)                  Filter (total &gt; 10)
 *   +- Aggregate [k], [k, sum(v) AS total]   ==&gt;   +- Aggregate [k], [k, sum(v) AS total]
 *        +- Scan                                         +- Filter (k &gt; 1)
 *                                                             +- Scan
 * </pre>
 *
 * Does not fire for a conjunct over an aggregate result ({@code total > 10}: its value exists only
 * after grouping), for an aggregate without groupings (it returns one row even for empty input, so
 * no condition may move below it — not even a constant one), nor for a non-deterministic conjunct
 * or any conjunct after one.
 */
public final class PushFilterThroughAggregate implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Aggregate aggregate)
                || aggregate.groupings().isEmpty()) {
            return Optional.empty();
        }
        Set<ColumnRef> groupingResults = new HashSet<>();
        for (Expression output : aggregate.aggregates()) {
            if (output.collect(AggregateCall.class).isEmpty() && output.deterministic()) {
                groupingResults.add(((NamedExpression) output).toAttribute());
            }
        }
        Map<ColumnRef, Expression> aliases = Substitution.aliases(aggregate.aggregates());
        List<Expression> pushed = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        List<Expression> conjuncts = Conjuncts.of(filter.condition());
        int movable = Conjuncts.movablePrefix(conjuncts);
        for (int i = 0; i < conjuncts.size(); i++) {
            Expression conjunct = conjuncts.get(i);
            Set<ColumnRef> references = conjunct.references();
            if (i < movable && !references.isEmpty() && groupingResults.containsAll(references)) {
                pushed.add(Substitution.substitute(conjunct, aliases));
            } else {
                kept.add(conjunct);
            }
        }
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan below = aggregate.withChild(Filter.create(Conjuncts.and(pushed), aggregate.child()));
        return Optional.of(kept.isEmpty() ? below : Filter.create(Conjuncts.and(kept), below));
    }
}
