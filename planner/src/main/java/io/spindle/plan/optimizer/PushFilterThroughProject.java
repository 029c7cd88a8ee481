package io.spindle.plan.optimizer;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.List;
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
 * Evaluating {@code x + 1} twice is safe because it is deterministic: a project with a
 * non-deterministic column is left alone, and a non-deterministic conjunct stays above with all
 * conjuncts after it. An error in
 * the project (say an overflow) can now be skipped for filtered-out rows; Spark behaves alike.
 */
public final class PushFilterThroughProject implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Project project)) {
            return Optional.empty();
        }
        for (Expression projection : project.projections()) {
            if (!projection.deterministic()) {
                return Optional.empty();
            }
        }
        List<Expression> conjuncts = Conjuncts.of(filter.condition());
        int movable = Conjuncts.movablePrefix(conjuncts);
        if (movable == 0) {
            return Optional.empty();
        }
        List<Expression> pushed = conjuncts.subList(0, movable);
        List<Expression> kept = conjuncts.subList(movable, conjuncts.size());
        Expression condition = Substitution.substitute(Conjuncts.and(pushed), Substitution.aliases(project.projections()));
        LogicalPlan result = Project.create(project.projections(), Filter.create(condition, project.child()));
        return Optional.of(kept.isEmpty() ? result : Filter.create(Conjuncts.and(kept), result));
    }
}
