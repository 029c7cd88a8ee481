package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.And;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import io.spindle.plan.logical.LogicalPlan;

/**
 * Plans a logical join: splits its condition into equi-join keys and a residual, and picks the
 * strategy by estimated size. A side under the broadcast threshold is broadcast (the smaller one
 * when both are), unless the join type preserves that side's unmatched rows (a broadcast build
 * side is seen by every task, so no task can tell whether another matched a build row); otherwise
 * both sides are shuffled by their keys and the smaller side allowed builds.
 */
public final class JoinPlanner {
    /** Default of spindle.sql.autoBroadcastJoinThreshold. */
    public static final long DEFAULT_BROADCAST_THRESHOLD = 32L << 20;

    private final SizeEstimator sizes;
    private final long broadcastThreshold;
    private final boolean preferSortMerge;

    /** @param broadcastThreshold a side estimated at most this size is broadcast; 0 or less never */
    public JoinPlanner(SizeEstimator sizes, long broadcastThreshold) {
        this(sizes, broadcastThreshold, false);
    }

    /** @param preferSortMerge plan sort-merge rather than shuffled hash joins where keys allow */
    public JoinPlanner(SizeEstimator sizes, long broadcastThreshold, boolean preferSortMerge) {
        this.sizes = sizes;
        this.broadcastThreshold = broadcastThreshold;
        this.preferSortMerge = preferSortMerge;
    }

    public PhysicalPlan plan(Join join, Function<LogicalPlan, PhysicalPlan> toPhysical) {
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Expression> residual = new ArrayList<>();
        Set<ColumnRef> leftColumns = Set.copyOf(join.left().output());
        Set<ColumnRef> rightColumns = Set.copyOf(join.right().output());
        for (Expression conjunct : conjuncts(join.condition())) {
            if (conjunct instanceof Comparison equal && equal.operator() == CompareOperator.EQUAL
                    && !equal.left().references().isEmpty() && !equal.right().references().isEmpty()) {
                if (leftColumns.containsAll(equal.left().references())
                        && rightColumns.containsAll(equal.right().references())) {
                    leftKeys.add(equal.left());
                    rightKeys.add(equal.right());
                    continue;
                }
                if (rightColumns.containsAll(equal.left().references())
                        && leftColumns.containsAll(equal.right().references())) {
                    leftKeys.add(equal.right());
                    rightKeys.add(equal.left());
                    continue;
                }
            }
            residual.add(conjunct);
        }
        JoinType type = join.joinType();
        long leftBytes = sizes.estimate(join.left());
        long rightBytes = sizes.estimate(join.right());
        boolean rightBuildable = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
        boolean leftBuildable = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
        long threshold = broadcastThreshold > 0 ? broadcastThreshold : -1;
        JoinStrategy strategy;
        boolean buildLeft;
        if (rightBuildable && rightBytes <= threshold && (!leftBuildable || rightBytes <= leftBytes)) {
            strategy = JoinStrategy.BROADCAST_HASH;
            buildLeft = false;
        } else if (leftBuildable && leftBytes <= threshold) {
            strategy = JoinStrategy.BROADCAST_HASH;
            buildLeft = true;
        } else if (preferSortMerge && !leftKeys.isEmpty() && sortable(leftKeys) && sortable(rightKeys)) {
            strategy = JoinStrategy.SORT_MERGE;
            buildLeft = false;
        } else {
            strategy = JoinStrategy.SHUFFLED_HASH;
            // Semi, anti and left joins probe with the left side; right joins with the right side.
            buildLeft = type == JoinType.RIGHT_OUTER
                    || ((type == JoinType.INNER || type == JoinType.FULL_OUTER) && leftBytes < rightBytes);
        }
        Expression residualCondition = residual.isEmpty() ? null : and(residual);
        return new HashJoinExec(type, leftKeys, rightKeys, residualCondition, strategy, buildLeft, join.output(),
                toPhysical.apply(join.left()), toPhysical.apply(join.right()));
    }

    /** Keys the external sort orders: anything but binary. */
    private static boolean sortable(List<Expression> keys) {
        return keys.stream().noneMatch(key -> key.dataType().kind() == io.spindle.formats.types.TypeKind.BINARY);
    }

    private static List<Expression> conjuncts(Expression condition) {
        List<Expression> parts = new ArrayList<>();
        if (condition instanceof And and) {
            parts.addAll(conjuncts(and.left()));
            parts.addAll(conjuncts(and.right()));
        } else if (condition != null) {
            parts.add(condition);
        }
        return parts;
    }

    private static Expression and(List<Expression> parts) {
        Expression result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            result = new And(result, parts.get(i));
        }
        return result;
    }
}
