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
 * strategy by estimated size ({@link SizeEstimator}):
 * <ol>
 *   <li>broadcast hash join when a side is at most spindle.sql.autoBroadcastJoinThreshold (the
 *       smaller one when both are), unless the join type preserves that side's unmatched rows (a
 *       broadcast build side is seen by every task, so no task can tell whether another matched a
 *       build row);
 *   <li>else both sides are shuffled by their keys, into about (left + right) /
 *       spindle.shuffle.targetPartitionBytes reduce partitions. With spindle.sql.join.preferSortMergeJoin
 *       the join sorts and merges; otherwise it is a sort-merge join when the build side's share of
 *       one partition would not fit comfortably (over half of spindle.task.memoryBudget: its hash
 *       table would spill), or when both sides are over the budget (large joins sort and stream
 *       in bounded memory however the keys are spread), and a shuffled hash join (the smaller side
 *       allowed builds) when the build side per partition fits comfortably.
 * </ol>
 * A join without equi-join keys, or with keys the sort cannot order (binary), is always a hash join.
 * The estimates and the reason are kept on the join for explain.
 */
public final class JoinPlanner {
    /** Default of spindle.sql.autoBroadcastJoinThreshold. */
    public static final long DEFAULT_BROADCAST_THRESHOLD = 32L << 20;

    private final SizeEstimator sizes;
    private final PlanningContext context;

    public JoinPlanner(SizeEstimator sizes, PlanningContext context) {
        this.sizes = sizes;
        this.context = context;
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
        long threshold = context.broadcastThresholdBytes() > 0 ? context.broadcastThresholdBytes() : -1;
        int partitions = estimatedPartitions(leftBytes, rightBytes);
        long budget = context.taskMemoryBytes();
        JoinStrategy strategy;
        boolean buildLeft;
        String reason;
        if (rightBuildable && rightBytes <= threshold && (!leftBuildable || rightBytes <= leftBytes)) {
            strategy = JoinStrategy.BROADCAST_HASH;
            buildLeft = false;
            reason = "right side under the broadcast threshold " + JoinSizeEstimate.bytes(threshold);
        } else if (leftBuildable && leftBytes <= threshold) {
            strategy = JoinStrategy.BROADCAST_HASH;
            buildLeft = true;
            reason = "left side under the broadcast threshold " + JoinSizeEstimate.bytes(threshold);
        } else {
            // Semi, anti and left joins probe with the left side; right joins with the right side.
            buildLeft = type == JoinType.RIGHT_OUTER
                    || ((type == JoinType.INNER || type == JoinType.FULL_OUTER) && leftBytes < rightBytes);
            long buildPerPartition = perPartition(buildLeft ? leftBytes : rightBytes, partitions);
            if (leftKeys.isEmpty() || !sortable(leftKeys) || !sortable(rightKeys)) {
                strategy = JoinStrategy.SHUFFLED_HASH;
                reason = leftKeys.isEmpty() ? "no equi-join keys to sort by" : "binary keys cannot be sorted";
            } else if (context.preferSortMergeJoin()) {
                strategy = JoinStrategy.SORT_MERGE;
                reason = "spindle.sql.join.preferSortMergeJoin";
            } else if (buildPerPartition > budget / 2) {
                strategy = JoinStrategy.SORT_MERGE;
                reason = "build side per partition over half the task budget";
            } else if (leftBytes > budget && rightBytes > budget) {
                strategy = JoinStrategy.SORT_MERGE;
                reason = "both sides over the task budget";
            } else {
                strategy = JoinStrategy.SHUFFLED_HASH;
                reason = "build side per partition fits the task budget";
            }
        }
        long buildBytes = buildLeft ? leftBytes : rightBytes;
        if (strategy == JoinStrategy.SORT_MERGE) {
            buildLeft = false; // the merge reads the right side through its own pipeline, whatever was compared
        }
        JoinSizeEstimate estimate = new JoinSizeEstimate(leftBytes, rightBytes,
                strategy == JoinStrategy.BROADCAST_HASH ? 1 : partitions,
                strategy == JoinStrategy.BROADCAST_HASH ? buildBytes : perPartition(buildBytes, partitions), budget,
                reason);
        Expression residualCondition = residual.isEmpty() ? null : and(residual);
        return new HashJoinExec(type, leftKeys, rightKeys, residualCondition, strategy, buildLeft, join.output(),
                toPhysical.apply(join.left()), toPhysical.apply(join.right()), estimate);
    }

    /** Reduce partitions adaptive coalescing will about make of both sides: their bytes over the target size. */
    private int estimatedPartitions(long leftBytes, long rightBytes) {
        long total = Math.min(SizeEstimator.UNKNOWN, leftBytes + rightBytes);
        long target = Math.max(1, context.targetPartitionBytes());
        long partitions = (total + target - 1) / target;
        return (int) Math.max(1, Math.min(context.maxShufflePartitions(), partitions));
    }

    private static long perPartition(long bytes, int partitions) {
        return bytes >= SizeEstimator.UNKNOWN ? SizeEstimator.UNKNOWN : (bytes + partitions - 1) / partitions;
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
