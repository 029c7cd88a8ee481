package io.spindle.plan.logical;

import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** A plan node that reads its rows from outside the plan: no children and no expressions to rewrite. */
public sealed interface LeafPlan extends LogicalPlan permits Scan, LocalRelation, Range, CachedRelation, TableScan,
        RowsRelation {

    @Override
    default List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    default LogicalPlan withChildren(List<LogicalPlan> children) {
        return this;
    }

    @Override
    default List<Expression> expressions() {
        return List.of();
    }

    @Override
    default LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }
}
