package io.spindle.plan.optimizer;

import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.Optional;

/**
 * Moves a limit below a project: a project maps rows one to one, so limiting first computes the
 * projection for only the rows kept.
 *
 * <pre>
 * Limit 10                   Project [(x * 2) AS y]
 *   +- Project [(x * 2) AS y]  ==&gt;  +- Limit 10
 *        +- Scan                     +- Scan
 * </pre>
 */
public final class PushLimitThroughProject implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Limit limit) || !(limit.child() instanceof Project project)) {
            return Optional.empty();
        }
        return Optional.of(Project.create(project.projections(), Limit.create(limit.limit(), project.child())));
    }
}
