package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.JoinType;
import io.spindle.plan.logical.PlanText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An equi-join with its strategy (for {@link JoinStrategy#SORT_MERGE} both sides are sorted and
 * merged, and {@code buildLeft} is unused). A hash join: the build side (right unless {@code buildLeft}) goes into a hash table keyed by its
 * keys, the other side streams through it. Rows with a NULL key never match. {@code residual}
 * (nullable) is the non-equality part of the condition, over the left columns then the right ones;
 * a pair matches only when it is true. {@code estimate} (nullable) is what the strategy was chosen
 * from, printed by explain. Output: left columns then right columns (left only for semi
 * and anti joins).
 */
public record HashJoinExec(JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys,
        Expression residual, JoinStrategy strategy, boolean buildLeft, List<ColumnRef> output, PhysicalPlan left,
        PhysicalPlan right, JoinSizeEstimate estimate) implements PhysicalPlan {

    public HashJoinExec {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new HashJoinExec(joinType, leftKeys, rightKeys, residual, strategy, buildLeft, output, children.get(0),
                children.get(1), estimate);
    }

    public PhysicalPlan buildSide() {
        return buildLeft ? left : right;
    }

    public PhysicalPlan probeSide() {
        return buildLeft ? right : left;
    }

    /** The columns the residual condition reads by position: left then right. */
    public List<ColumnRef> joinedInput() {
        List<ColumnRef> joined = new ArrayList<>(left.output());
        joined.addAll(right.output());
        return joined;
    }

    /** Keys bound against their own side's columns, the residual against both sides' columns. */
    public HashJoinExec bind(BiFunction<Expression, List<ColumnRef>, Expression> binder) {
        return new HashJoinExec(joinType, leftKeys.stream().map(k -> binder.apply(k, left.output())).toList(),
                rightKeys.stream().map(k -> binder.apply(k, right.output())).toList(),
                residual == null ? null : binder.apply(residual, joinedInput()), strategy, buildLeft, output, left,
                right, estimate);
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this; // bound by bind(), since each expression reads a different input
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        if (strategy == JoinStrategy.BROADCAST_HASH) {
            return buildLeft ? List.of(Distribution.ALL_TUPLES, Distribution.UNSPECIFIED)
                    : List.of(Distribution.UNSPECIFIED, Distribution.ALL_TUPLES);
        }
        return List.of(Distribution.clustered(leftKeys), Distribution.clustered(rightKeys));
    }

    @Override
    public String nodeString() {
        return strategy.displayName() + " " + joinType.sqlName()
                + (strategy == JoinStrategy.SORT_MERGE ? "" : " build=" + (buildLeft ? "left" : "right"))
                + " keys=" + PlanText.list(leftKeys) + "=" + PlanText.list(rightKeys)
                + (residual == null ? "" : " residual=" + residual)
                + (estimate == null ? "" : " (" + estimate + ")");
    }
}
