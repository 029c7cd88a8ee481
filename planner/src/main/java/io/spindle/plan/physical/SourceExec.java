package io.spindle.plan.physical;

import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/**
 * A leaf that produces a stage's input. A stage runs one task per partition of its sources; the
 * task's copy of the fragment holds its source {@link #slice sliced} to its own partition.
 */
public sealed interface SourceExec extends PhysicalPlan permits FileScanExec, LocalRelationExec, RangeExec, RowsScanExec,
        ShuffleReadExec, CachedScanExec {

    int partitionCount();

    /** This source reduced to one of its partitions. */
    SourceExec slice(int partition);

    /** This source producing nothing (a union task reads only one of its inputs). */
    SourceExec empty();

    @Override
    default List<PhysicalPlan> children() {
        return List.of();
    }

    @Override
    default PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return this;
    }

    @Override
    default PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    default Partitioning outputPartitioning() {
        return Partitioning.UNKNOWN;
    }
}
