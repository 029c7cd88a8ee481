package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.PlanText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A node of a physical plan: how to compute, partition by partition. Physical nodes are
 * serializable because a stage's fragment travels inside its tasks. Each node declares the
 * partitioning it produces and the distribution it needs from its children;
 * {@link EnsureRequirements} alone inserts the exchanges that provide it.
 */
public sealed interface PhysicalPlan extends Serializable
        permits SourceExec, FilterExec, ProjectExec, HashAggregateExec, SortExec, TopNExec, LimitExec, UnionExec,
        ShuffleExchangeExec, HashJoinExec, CoalesceExec,
        GenerateExec, WindowExec {

    List<PhysicalPlan> children();

    PhysicalPlan withChildren(List<PhysicalPlan> children);

    List<ColumnRef> output();

    String nodeString();

    /** This node with its own expressions rewritten (used to bind column references to positions). */
    PhysicalPlan mapExpressions(Function<Expression, Expression> mapper);

    default Partitioning outputPartitioning() {
        return children().size() == 1 ? children().get(0).outputPartitioning() : Partitioning.UNKNOWN;
    }

    default List<Distribution> requiredChildDistribution() {
        return Collections.nCopies(children().size(), Distribution.UNSPECIFIED);
    }

    default PhysicalPlan transformUp(Function<PhysicalPlan, PhysicalPlan> rule) {
        List<PhysicalPlan> children = children();
        PhysicalPlan current = this;
        if (!children.isEmpty()) {
            List<PhysicalPlan> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (PhysicalPlan child : children) {
                PhysicalPlan newChild = child.transformUp(rule);
                changed |= newChild != child;
                newChildren.add(newChild);
            }
            if (changed) {
                current = withChildren(newChildren);
            }
        }
        return rule.apply(current);
    }

    default String treeString() {
        StringBuilder text = new StringBuilder();
        PlanText.appendTree(text, this, PhysicalPlan::nodeString, PhysicalPlan::children);
        return text.toString();
    }
}
