package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.WindowSpec;
import io.spindle.plan.logical.PlanText;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates window functions: needs all rows of a partition key in one task (a shuffle by the
 * partition keys, or one task without keys); the operator sorts its input by partition and order
 * keys with the external sort (spilling past the task budget) and streams the sorted rows.
 */
public record WindowExec(List<Expression> windowExpressions, WindowSpec spec, List<ColumnRef> output,
        PhysicalPlan child) implements PhysicalPlan {

    public WindowExec {
        windowExpressions = List.copyOf(windowExpressions);
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new WindowExec(windowExpressions, spec, output, children.get(0));
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new WindowExec(windowExpressions.stream().map(mapper).toList(), spec.map(mapper), output, child);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(Distribution.clustered(spec.partitionBy()));
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public String nodeString() {
        return "Window " + PlanText.list(windowExpressions) + " " + spec;
    }
}
