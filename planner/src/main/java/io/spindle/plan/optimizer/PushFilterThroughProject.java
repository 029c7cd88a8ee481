package io.spindle.plan.optimizer;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.Optional;

/**
 * Moves a filter below a project, replacing references to the project's aliases by their
 * expressions, so the filter can reach the scan and rows are dropped before they are computed.
 *
 * <pre>
 * Filter (y &gt; 3)                     Project [x, (x + 1) AS y]
 *   +- Project [x, (x + 1) AS y] ==&gt;   +- Filter ((x + 1) &gt; 3)
 *        +- Scan                           +- Scan
 * </pre>
 *
 * Every expression here is deterministic, so evaluating {@code x + 1} twice is safe. An error in
 * the project (say an overflow) can now be skipped for filtered-out rows; Spark behaves alike.
 */
public final class PushFilterThroughProject implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Project project)) {
            return Optional.empty();
        }
        Expression pushed = Substitution.substitute(filter.condition(), Substitution.aliases(project.projections()));
        return Optional.of(Project.create(project.projections(), Filter.create(pushed, project.child())));
    }
}
