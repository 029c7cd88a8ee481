package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** The first {@code limit} rows of the child (in its order, if it has one). */
public record Limit(long limit, LogicalPlan child) implements LogicalPlan {

    public Limit {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, got " + limit);
        }
    }

    public static Limit create(long limit, LogicalPlan child) {
        return new Limit(limit, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Limit(limit, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
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
        return "Limit " + limit;
    }
}
