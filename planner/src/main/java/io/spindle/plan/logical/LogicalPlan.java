package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A node of a logical plan: what to compute, not how. Nodes are immutable records with a static
 * {@code create}; rewrites build new trees. {@link #output()} lists the columns a node produces,
 * identified by id, and is only defined once the node is resolved.
 */
public sealed interface LogicalPlan permits LeafPlan, Project, Filter, Aggregate, Sort, Limit, Union, Join,
        Repartition, Generate, Window {

    List<LogicalPlan> children();

    LogicalPlan withChildren(List<LogicalPlan> children);

    List<ColumnRef> output();

    /** The expressions this node evaluates (not those of its children). */
    List<Expression> expressions();

    /** One line describing this node alone, for explain. */
    String nodeString();

    default boolean resolved() {
        for (Expression expression : expressions()) {
            if (!expression.resolved()) {
                return false;
            }
        }
        for (LogicalPlan child : children()) {
            if (!child.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Columns read by this node's own expressions. */
    default Set<ColumnRef> references() {
        Set<ColumnRef> references = new LinkedHashSet<>();
        for (Expression expression : expressions()) {
            references.addAll(expression.references());
        }
        return references;
    }

    default LogicalPlan child() {
        if (children().size() != 1) {
            throw new IllegalStateException(nodeString() + " does not have exactly one child");
        }
        return children().get(0);
    }

    default LogicalPlan withChild(LogicalPlan child) {
        return withChildren(List.of(child));
    }

    default LogicalPlan transformUp(Function<LogicalPlan, LogicalPlan> rule) {
        List<LogicalPlan> children = children();
        LogicalPlan current = this;
        if (!children.isEmpty()) {
            List<LogicalPlan> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (LogicalPlan child : children) {
                LogicalPlan newChild = child.transformUp(rule);
                changed |= newChild != child;
                newChildren.add(newChild);
            }
            if (changed) {
                current = withChildren(newChildren);
            }
        }
        return rule.apply(current);
    }

    default LogicalPlan transformDown(Function<LogicalPlan, LogicalPlan> rule) {
        LogicalPlan current = rule.apply(this);
        List<LogicalPlan> children = current.children();
        if (children.isEmpty()) {
            return current;
        }
        List<LogicalPlan> newChildren = new ArrayList<>(children.size());
        boolean changed = false;
        for (LogicalPlan child : children) {
            LogicalPlan newChild = child.transformDown(rule);
            changed |= newChild != child;
            newChildren.add(newChild);
        }
        return changed ? current.withChildren(newChildren) : current;
    }

    /** Rewrites every expression of every node bottom-up. */
    default LogicalPlan transformExpressions(Function<Expression, Expression> rule) {
        return transformUp(node -> node.mapExpressions(expression -> expression.transformUp(rule)));
    }

    /** This node with each of its own expressions replaced; the identity when nothing changes. */
    LogicalPlan mapExpressions(Function<Expression, Expression> mapper);

    /** The indented tree, one node per line, as explain prints it. */
    default String treeString() {
        StringBuilder text = new StringBuilder();
        PlanText.appendTree(text, this, LogicalPlan::nodeString, LogicalPlan::children);
        return text.toString();
    }
}
