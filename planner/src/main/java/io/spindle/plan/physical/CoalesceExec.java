package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * {@code coalesce(n)}: at most {@code partitions} partitions, each reading a run of adjacent input
 * partitions one after the other, with no shuffle. The stage slicer turns a task's share into a
 * union of the input's slices, so no operator is needed at run time. Merged partitions keep no
 * partitioning a join could rely on, so the output's is unknown.
 */
public record CoalesceExec(int partitions, PhysicalPlan child) implements PhysicalPlan {

    public CoalesceExec {
        if (partitions <= 0) {
            throw new IllegalArgumentException("coalesce needs at least 1 partition, got " + partitions);
        }
    }

    /** Input partitions {@code [start, end)} of output partition {@code partition} among {@code outputs}. */
    public static int[] inputRange(int partition, int outputs, int inputs) {
        return new int[] {(int) ((long) partition * inputs / outputs), (int) ((long) (partition + 1) * inputs / outputs)};
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new CoalesceExec(partitions, children.get(0));
    }

    @Override
    public List<ColumnRef> output() {
        return child.output();
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
        return "Coalesce " + partitions;
    }
}
