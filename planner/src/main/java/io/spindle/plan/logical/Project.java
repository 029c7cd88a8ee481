package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * Computes one output column per projection. Once analyzed, every projection is a
 * {@link io.spindle.plan.expr.NamedExpression}: a column passed through or an alias.
 */
public record Project(List<Expression> projections, LogicalPlan child) implements LogicalPlan {

    public Project {
        projections = List.copyOf(projections);
    }

    public static Project create(List<? extends Expression> projections, LogicalPlan child) {
        return new Project(List.copyOf(projections), child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Project(projections, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return Exprs.attributes(projections);
    }

    @Override
    public List<Expression> expressions() {
        return projections;
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        List<Expression> mapped = Exprs.map(projections, mapper, Expression.class);
        return mapped == projections ? this : new Project(mapped, child);
    }

    @Override
    public String nodeString() {
        return "Project " + PlanText.list(projections);
    }
}
