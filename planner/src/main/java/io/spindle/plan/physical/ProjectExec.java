package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.PlanText;
import java.util.List;
import java.util.function.Function;

/** Computes {@code projections}, one per output column (kept explicitly: binding loses the names). */
public record ProjectExec(List<Expression> projections, List<ColumnRef> output, PhysicalPlan child)
        implements PhysicalPlan {

    public ProjectExec {
        projections = List.copyOf(projections);
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new ProjectExec(projections, output, children.get(0));
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new ProjectExec(projections.stream().map(mapper).toList(), output, child);
    }

    @Override
    public Partitioning outputPartitioning() {
        Partitioning partitioning = child.outputPartitioning();
        return output.containsAll(partitioning.keys()) ? partitioning : Partitioning.UNKNOWN;
    }

    @Override
    public String nodeString() {
        return "Project " + PlanText.list(projections);
    }
}
