package io.spindle.plan.logical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Explode;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a generator over each child row: the child's columns followed by {@code generated}, once per
 * value the generator produces for that row (Spark's Generate, made by
 * {@code select(..., explode(...))}).
 */
public record Generate(Explode generator, ColumnRef generated, LogicalPlan child) implements LogicalPlan {

    public static Generate create(Explode generator, ColumnRef generated, LogicalPlan child) {
        return new Generate(generator, generated, child);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return new Generate(generator, generated, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        List<ColumnRef> output = new ArrayList<>(child.output());
        output.add(generated);
        return output;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        Expression mapped = mapper.apply(generator);
        return mapped.equals(generator) ? this : new Generate((Explode) mapped, generated, child);
    }

    @Override
    public String nodeString() {
        return "Generate " + generator + " as " + generated;
    }
}
