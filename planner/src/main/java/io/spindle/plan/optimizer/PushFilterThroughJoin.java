package io.spindle.plan.optimizer;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.JoinType;
import io.spindle.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the conjuncts of a WHERE above a join, and of the join's own condition, that read one side
 * only, below the join onto that side, so fewer rows are shuffled and probed.
 *
 * <pre>
 * Filter (l.a &gt; 1 AND r.b = 'x')           Join inner (l.k = r.k)
 *   +- Join inner (l.k = r.k)        ==&gt;    :- Filter (l.a &gt; 1)
 *        :- L                                :  +- L
 *        +- R                                +- Filter (r.b = 'x')
 *                                               +- R
 * </pre>
 *
 * Outer joins are the hazard: a WHERE conjunct may only go to a side whose rows the join never
 * replaces by NULLs (the left of a left join), because on the NULL-supplying side it would let
 * through the NULL-extended rows it rejects above the join. An ON conjunct is the reverse: it may
 * only go to the NULL-supplying side (the right of a left join), since it decides matches, never
 * which preserved rows appear. For inner joins a WHERE conjunct over both sides joins the
 * condition, where an equality becomes a hash key. A non-deterministic conjunct never moves, nor
 * does any conjunct after it.
 */
public final class PushFilterThroughJoin implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (node instanceof Filter filter && filter.child() instanceof Join join) {
            return pushWhere(filter, join);
        }
        if (node instanceof Join join && join.condition() != null) {
            return pushOn(join);
        }
        return Optional.empty();
    }

    private static Optional<LogicalPlan> pushWhere(Filter filter, Join join) {
        JoinType type = join.joinType();
        boolean toLeft = type == JoinType.INNER || type == JoinType.LEFT_OUTER || type.leftOnly();
        boolean toRight = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
        Split split = split(filter.condition(), join, toLeft, toRight);
        Expression condition = join.condition();
        List<Expression> kept = new ArrayList<>();
        List<Expression> joined = new ArrayList<>();
        boolean blocked = false;
        for (Expression conjunct : split.kept) {
            blocked |= !conjunct.deterministic();
            (type == JoinType.INNER && !blocked ? joined : kept).add(conjunct);
        }
        if (!joined.isEmpty()) {
            condition = and(condition == null ? joined : prepend(condition, joined));
        }
        if (split.left.isEmpty() && split.right.isEmpty() && condition == join.condition()) {
            return Optional.empty();
        }
        LogicalPlan result = Join.create(withFilter(join.left(), split.left), withFilter(join.right(), split.right),
                type, condition);
        return Optional.of(kept.isEmpty() ? result : Filter.create(and(kept), result));
    }

    private static Optional<LogicalPlan> pushOn(Join join) {
        JoinType type = join.joinType();
        boolean toLeft = type == JoinType.INNER || type == JoinType.RIGHT_OUTER || type == JoinType.LEFT_SEMI;
        boolean toRight = type == JoinType.INNER || type == JoinType.LEFT_OUTER || type.leftOnly();
        Split split = split(join.condition(), join, toLeft, toRight);
        if (split.left.isEmpty() && split.right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Join.create(withFilter(join.left(), split.left), withFilter(join.right(), split.right),
                type, split.kept.isEmpty() ? null : and(split.kept)));
    }

    private record Split(List<Expression> left, List<Expression> right, List<Expression> kept) {}

    private static Split split(Expression condition, Join join, boolean toLeft, boolean toRight) {
        Set<ColumnRef> leftColumns = Set.copyOf(join.left().output());
        Set<ColumnRef> rightColumns = Set.copyOf(join.right().output());
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        List<Expression> conjuncts = conjuncts(condition);
        int movable = Conjuncts.movablePrefix(conjuncts);
        for (int i = 0; i < conjuncts.size(); i++) {
            Expression conjunct = conjuncts.get(i);
            Set<ColumnRef> references = conjunct.references();
            if (references.isEmpty() || i >= movable) {
                kept.add(conjunct);
            } else if (toLeft && leftColumns.containsAll(references)) {
                left.add(conjunct);
            } else if (toRight && rightColumns.containsAll(references)) {
                right.add(conjunct);
            } else {
                kept.add(conjunct);
            }
        }
        return new Split(left, right, kept);
    }

    /** The AND-ed parts of a condition, in order. */
    public static List<Expression> conjuncts(Expression condition) {
        return Conjuncts.of(condition);
    }

    private static List<Expression> prepend(Expression first, List<Expression> rest) {
        List<Expression> all = new ArrayList<>(conjuncts(first));
        all.addAll(rest);
        return all;
    }

    private static Expression and(List<Expression> parts) {
        return Conjuncts.and(parts);
    }

    private static LogicalPlan withFilter(LogicalPlan child, List<Expression> conjuncts) {
        return conjuncts.isEmpty() ? child : Filter.create(and(conjuncts), child);
    }
}
