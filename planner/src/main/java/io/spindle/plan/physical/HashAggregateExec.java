package io.spindle.plan.physical;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.PlanText;
import java.util.List;
import java.util.function.Function;

/**
 * Hash aggregation. PARTIAL: groups the child's rows by {@code groupings} and outputs the keys
 * followed by each call's state columns ({@link io.spindle.plan.expr.AggregateFunction#stateTypes}).
 * FINAL: reads that layout by position (keys first, then states), merges per key and outputs the
 * keys followed by one result per call. Without groupings FINAL outputs exactly one row.
 */
public record HashAggregateExec(AggregateMode mode, List<Expression> groupings, List<AggregateCall> calls,
        List<ColumnRef> output, PhysicalPlan child) implements PhysicalPlan {

    public HashAggregateExec {
        groupings = List.copyOf(groupings);
        calls = List.copyOf(calls);
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new HashAggregateExec(mode, groupings, calls, output, children.get(0));
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        if (mode == AggregateMode.FINAL) {
            return this; // the final mode reads its input by position
        }
        return new HashAggregateExec(mode, groupings.stream().map(mapper).toList(),
                calls.stream().map(call -> (AggregateCall) mapper.apply(call)).toList(), output, child);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        if (mode == AggregateMode.PARTIAL) {
            return List.of(Distribution.UNSPECIFIED);
        }
        return List.of(Distribution.clustered(child.output().subList(0, groupings.size())));
    }

    @Override
    public Partitioning outputPartitioning() {
        Partitioning partitioning = child.outputPartitioning();
        return output.containsAll(partitioning.keys()) ? partitioning : Partitioning.UNKNOWN;
    }

    @Override
    public String nodeString() {
        return "HashAggregate(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ") keys=" + PlanText.list(groupings)
                + ", functions=" + PlanText.list(calls) + ", output=" + PlanText.list(output);
    }
}
