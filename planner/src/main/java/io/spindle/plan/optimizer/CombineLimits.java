package io.spindle.plan.optimizer;

import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * Replaces a limit directly above another limit by one limit of the smaller count.
 *
 * <pre>
 * Limit 10                Limit 5
 *   +- Limit 5    ==&gt;      +- Scan
 *        +- Scan
 * </pre>
 */
public final class CombineLimits implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Limit upper) || !(upper.child() instanceof Limit lower)) {
            return Optional.empty();
        }
        return Optional.of(Limit.create(Math.min(upper.limit(), lower.limit()), lower.child()));
    }
}
