package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** Redistributes rows by {@code partitioning}; the stage graph is cut here. */
public record ShuffleExchangeExec(Partitioning partitioning, PhysicalPlan child) implements PhysicalPlan {

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new ShuffleExchangeExec(partitioning, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new ShuffleExchangeExec(partitioning.withKeys(
                partitioning.keys().stream().map(mapper).toList()), child);
    }

    @Override
    public Partitioning outputPartitioning() {
        return partitioning;
    }

    @Override
    public String nodeString() {
        return "Exchange " + partitioning;
    }
}
