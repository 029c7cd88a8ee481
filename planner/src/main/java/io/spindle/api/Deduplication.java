package io.spindle.api;

import io.spindle.plan.analysis.ColumnResolver;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * distinct and dropDuplicates as aggregations, as Spark plans them: distinct groups by every
 * column; dropDuplicates(cols) groups by cols and keeps {@code first} of the other columns, so which
 * duplicate survives is not defined when the input has more than one partition.
 */
final class Deduplication {
    private Deduplication() {}

    static LogicalPlan distinct(LogicalPlan plan) {
        return Aggregate.create(plan.output(), plan.output(), plan);
    }

    static LogicalPlan dropDuplicates(LogicalPlan plan, String... names) {
        if (names.length == 0) {
            return distinct(plan);
        }
        Set<ColumnRef> keys = new LinkedHashSet<>();
        for (String name : names) {
            Expression resolved = ColumnResolver.resolve(name, plan.output());
            keys.add((ColumnRef) resolved);
        }
        List<Expression> outputs = new ArrayList<>();
        for (ColumnRef column : plan.output()) {
            outputs.add(keys.contains(column) ? column
                    : Alias.create(new AggregateCall(AggregateFunction.FIRST, column, false), column.name()));
        }
        return Aggregate.create(new ArrayList<>(keys), outputs, plan);
    }
}
