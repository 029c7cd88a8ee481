package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * All rows of all children (UNION ALL), matched by position. The output takes the first child's
 * column ids; a column is nullable if it is in any child.
 */
public record Union(List<LogicalPlan> children) implements LogicalPlan {

    public Union {
        children = List.copyOf(children);
        if (children.size() < 2) {
            throw new IllegalArgumentException("union needs at least two inputs");
        }
    }

    public static Union create(List<LogicalPlan> children) {
        return new Union(children);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
        return new Union(newChildren);
    }

    @Override
    public List<ColumnRef> output() {
        List<ColumnRef> first = children.get(0).output();
        List<ColumnRef> output = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (LogicalPlan child : children) {
                nullable |= child.output().get(i).nullable();
            }
            output.add(first.get(i).withNullable(nullable));
        }
        return output;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    public String nodeString() {
        return "Union";
    }
}
