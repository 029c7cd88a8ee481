package io.spindle.plan.optimizer;

import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a project into the project below it, and removes a project that passes its child's
 * columns through unchanged.
 *
 * <pre>
 * Project [(y * 2) AS z]                 Project [((x + 1) * 2) AS z]
 *   +- Project [(x + 1) AS y]    ==&gt;       +- Scan
 *        +- Scan
 * </pre>
 *
 * Does not fire when a computed column of the lower project is used twice above, since merging
 * would compute it twice (for a non-deterministic column, it would also give two different values). Output column ids are kept, so parents need no rewrite.
 */
public final class CollapseProjects implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Project project)) {
            return Optional.empty();
        }
        if (project.projections().equals(project.child().output())) {
            return Optional.of(project.child());
        }
        if (!(project.child() instanceof Project lower)) {
            return Optional.empty();
        }
        Map<ColumnRef, Expression> aliases = Substitution.aliases(lower.projections());
        if (reusesComputedColumn(project.projections(), aliases)) {
            return Optional.empty();
        }
        List<Expression> merged = new ArrayList<>(project.projections().size());
        for (Expression projection : project.projections()) {
            if (projection instanceof ColumnRef ref && aliases.containsKey(ref)) {
                merged.add(new Alias(aliases.get(ref), ref.name(), ref.id()));
            } else if (projection instanceof Alias alias) {
                merged.add(new Alias(Substitution.substitute(alias.child(), aliases), alias.name(), alias.id()));
            } else {
                merged.add(projection);
            }
        }
        return Optional.of(Project.create(merged, lower.child()));
    }

    private static boolean reusesComputedColumn(List<Expression> projections, Map<ColumnRef, Expression> aliases) {
        Map<ColumnRef, Integer> uses = new HashMap<>();
        for (Expression projection : projections) {
            for (ColumnRef ref : projection.collect(ColumnRef.class)) {
                Expression aliased = aliases.get(ref);
                boolean cheap = aliased == null || aliased instanceof ColumnRef || aliased instanceof Literal;
                if (!cheap && uses.merge(ref, 1, Integer::sum) > 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
