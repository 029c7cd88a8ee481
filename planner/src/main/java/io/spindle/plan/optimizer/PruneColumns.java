package io.spindle.plan.optimizer;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.NamedExpression;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LocalRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.logical.Sort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Below a project or an aggregate, drops the columns nobody above uses: from scans (so the reader
 * skips whole column chunks), local relations, lower projects and aggregates. Filters, sorts and
 * limits pass the requirement down, adding the columns they read themselves.
 *
 * <pre>
 * Project [a]                       Project [a]
 *   +- Filter (b &gt; 1)        ==&gt;     +- Filter (b &gt; 1)
 *        +- Scan [a, b, c, d]             +- Scan [a, b]
 * </pre>
 *
 * Dropping an aggregate's unused results is safe: the number of groups does not depend on them.
 * Unions stop the pruning (their columns match by position; a later rule can handle them).
 */
public final class PruneColumns implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Project) && !(node instanceof Aggregate)) {
            return Optional.empty();
        }
        LogicalPlan child = node.child();
        LogicalPlan pruned = prune(child, new LinkedHashSet<>(node.references()));
        return pruned.equals(child) ? Optional.empty() : Optional.of(node.withChild(pruned));
    }

    private static LogicalPlan prune(LogicalPlan plan, Set<ColumnRef> required) {
        if (plan instanceof Scan scan) {
            return scan.withOutput(keep(scan.output(), required));
        }
        if (plan instanceof io.spindle.plan.logical.TableScan scan) {
            return scan.withOutput(keep(scan.output(), required));
        }
        if (plan instanceof LocalRelation relation) {
            return pruneLocalRelation(relation, required);
        }
        if (plan instanceof io.spindle.plan.logical.Join join) {
            Set<ColumnRef> childRequired = new LinkedHashSet<>(required);
            childRequired.addAll(join.references());
            return join.withChildren(List.of(prune(join.left(), childRequired), prune(join.right(), childRequired)));
        }
        if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit
                || plan instanceof io.spindle.plan.logical.Repartition) {
            Set<ColumnRef> childRequired = new LinkedHashSet<>(required);
            childRequired.addAll(plan.references());
            return plan.withChild(prune(plan.child(), childRequired));
        }
        if (plan instanceof Project project) {
            List<Expression> kept = keepNamed(project.projections(), required);
            Project narrowed = Project.create(kept, project.child());
            return narrowed.withChild(prune(project.child(), new LinkedHashSet<>(narrowed.references())));
        }
        if (plan instanceof Aggregate aggregate) {
            List<Expression> kept = keepNamed(aggregate.aggregates(), required);
            Aggregate narrowed = Aggregate.create(aggregate.groupings(), kept, aggregate.child());
            return narrowed.withChild(prune(aggregate.child(), new LinkedHashSet<>(narrowed.references())));
        }
        return plan;
    }

    private static List<ColumnRef> keep(List<ColumnRef> columns, Set<ColumnRef> required) {
        List<ColumnRef> kept = new ArrayList<>();
        for (ColumnRef column : columns) {
            if (required.contains(column)) {
                kept.add(column);
            }
        }
        return kept;
    }

    private static List<Expression> keepNamed(List<Expression> named, Set<ColumnRef> required) {
        List<Expression> kept = new ArrayList<>();
        for (Expression expression : named) {
            if (required.contains(((NamedExpression) expression).toAttribute())) {
                kept.add(expression);
            }
        }
        return kept;
    }

    private static LogicalPlan pruneLocalRelation(LocalRelation relation, Set<ColumnRef> required) {
        List<ColumnRef> kept = keep(relation.output(), required);
        if (kept.size() == relation.output().size()) {
            return relation;
        }
        List<Integer> positions = new ArrayList<>();
        for (ColumnRef column : kept) {
            positions.add(relation.output().indexOf(column));
        }
        List<List<Object>> rows = new ArrayList<>(relation.rows().size());
        for (List<Object> row : relation.rows()) {
            List<Object> narrowed = new ArrayList<>(positions.size());
            for (int position : positions) {
                narrowed.add(row.get(position));
            }
            rows.add(narrowed);
        }
        return LocalRelation.create(kept, rows);
    }
}
