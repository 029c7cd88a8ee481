package io.spindle.plan.optimizer;

import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * One rewrite of the logical plan. The optimizer offers every node of the plan to {@link #apply}
 * (top-down); a rule whose pattern does not match, or whose rewrite would change nothing, returns
 * {@link Optional#empty()} ("did not fire"). A rule must never change the query's result.
 */
public interface Rule {

    /** The name used to switch the rule off; the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The rewritten node, or empty when the rule does not fire on this node. */
    Optional<LogicalPlan> apply(LogicalPlan node);
}
