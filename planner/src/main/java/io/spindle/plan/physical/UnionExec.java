package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * UNION ALL: its partitions are its children's partitions one after the other. Each task of the
 * stage reads one partition of one child; the other children's sources are empty in its fragment.
 */
public record UnionExec(List<ColumnRef> output, List<PhysicalPlan> children) implements PhysicalPlan {

    public UnionExec {
        output = List.copyOf(output);
        children = List.copyOf(children);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
        return new UnionExec(output, newChildren);
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    public Partitioning outputPartitioning() {
        return Partitioning.UNKNOWN;
    }

    @Override
    public String nodeString() {
        return "Union";
    }
}
