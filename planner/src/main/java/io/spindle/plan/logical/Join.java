package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Joins two inputs. The output is the left side's columns then the right side's (only the left's
 * for semi and anti joins); the columns of a side that supplies NULLs in an outer join are
 * nullable. A null {@code condition} joins every pair (a cross join). USING columns are rewritten
 * by {@code Dataset.join} into an equality condition and a project above the join.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition)
        implements LogicalPlan {

    public static Join create(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition) {
        return new Join(left, right, joinType, condition);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Join(children.get(0), children.get(1), joinType, condition);
    }

    @Override
    public List<ColumnRef> output() {
        List<ColumnRef> output = new ArrayList<>();
        for (ColumnRef column : left.output()) {
            output.add(joinType.preservesRight() ? column.withNullable(true) : column);
        }
        if (!joinType.leftOnly()) {
            for (ColumnRef column : right.output()) {
                output.add(joinType.preservesLeft() ? column.withNullable(true) : column);
            }
        }
        return output;
    }

    @Override
    public List<Expression> expressions() {
        return condition == null ? List.of() : List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        if (condition == null) {
            return this;
        }
        Expression mapped = mapper.apply(condition);
        return mapped == condition ? this : new Join(left, right, joinType, mapped);
    }

    @Override
    public String nodeString() {
        return "Join " + joinType.sqlName() + (condition == null ? "" : " " + condition);
    }
}
