package io.spindle.plan.optimizer;

import io.spindle.plan.expr.And;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * Merges a filter into the filter directly below it, so that {@code ds.filter(p).filter(q)} is one
 * condition that the pushdown rules move as a whole and the scan sees in full.
 *
 * <pre>
 * Filter (b &lt; 2)                 Filter ((a &gt; 1) AND (b &lt; 2))
 *   +- Filter (a &gt; 1)     ==&gt;     +- Scan
 *        +- Scan
 * </pre>
 *
 * The lower condition comes first. Does not fire when either condition is non-deterministic: the
 * upper one is evaluated only on the rows the lower one kept, and merging would change that.
 */
public final class CombineFilters implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter upper) || !(upper.child() instanceof Filter lower)
                || !upper.condition().deterministic() || !lower.condition().deterministic()) {
            return Optional.empty();
        }
        return Optional.of(Filter.create(new And(lower.condition(), upper.condition()), lower.child()));
    }
}
