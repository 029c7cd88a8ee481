package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.NamedExpression;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.expr.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Window functions sharing one {@link WindowSpec}: the child's columns, then one column per
 * aliased {@link io.spindle.plan.expr.WindowExpression}. Made by a select or withColumn that uses
 * {@code .over(window)}; a different spec gets its own node on top.
 */
public record Window(List<Expression> windowExpressions, WindowSpec spec, LogicalPlan child) implements LogicalPlan {

    public Window {
        windowExpressions = List.copyOf(windowExpressions);
    }

    public static Window create(List<Expression> windowExpressions, WindowSpec spec, LogicalPlan child) {
        return new Window(windowExpressions, spec, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Window(windowExpressions, spec, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        List<ColumnRef> output = new ArrayList<>(child.output());
        for (Expression expression : windowExpressions) {
            output.add(((NamedExpression) expression).toAttribute());
        }
        return output;
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> expressions = new ArrayList<>(windowExpressions);
        expressions.addAll(spec.partitionBy());
        for (SortOrder order : spec.orderBy()) {
            expressions.add(order.expression());
        }
        return expressions;
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        List<Expression> mapped = windowExpressions.stream().map(mapper).toList();
        WindowSpec mappedSpec = spec.map(mapper);
        return mapped.equals(windowExpressions) && mappedSpec.equals(spec) ? this
                : new Window(mapped, mappedSpec, child);
    }

    @Override
    public String nodeString() {
        return "Window " + PlanText.list(windowExpressions) + " " + spec;
    }
}
