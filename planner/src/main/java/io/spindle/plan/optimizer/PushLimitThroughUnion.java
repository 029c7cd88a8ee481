package io.spindle.plan.optimizer;

import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a limit onto every input of a UNION ALL: no input can contribute more than n rows to the
 * first n, so each stops early; the limit above stays, to cut the union's total to n.
 *
 * <pre>
 * Limit 10                 Limit 10
 *   +- Union        ==&gt;      +- Union
 *        +- A                      +- Limit 10
 *        +- B                      |    +- A
 *                                  +- Limit 10
 *                                       +- B
 * </pre>
 *
 * Does not fire when every input already has a limit of at most n, so the fixpoint ends.
 */
public final class PushLimitThroughUnion implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Limit limit) || !(limit.child() instanceof Union union)) {
            return Optional.empty();
        }
        List<LogicalPlan> limited = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan input : union.children()) {
            if (input instanceof Limit inner && inner.limit() <= limit.limit()) {
                limited.add(input);
            } else {
                limited.add(Limit.create(limit.limit(), input));
                changed = true;
            }
        }
        return changed ? Optional.of(Limit.create(limit.limit(), union.withChildren(limited))) : Optional.empty();
    }
}
