package io.spindle.plan.optimizer;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns distinct aggregates into two ordinary aggregations, as Spark does: the first groups by the
 * keys and the distinct argument (so each distinct value survives once, spread over the shuffle by
 * key and value, which copes with skewed keys), the second aggregates those values per key.
 *
 * <pre>
 * Aggregate [k], [k, count(DISTINCT x) AS n]        Aggregate [k], [k, count(x) AS n]
 *   +- Scan                                  ==&gt;    +- Aggregate [k, x], [k, x]
 *                                                         +- Scan
 * </pre>
 *
 * NULLs: the inner aggregation keeps a NULL x as a group of its own, and the outer
 * {@code count(x)} skips it, so {@code count(DISTINCT x)} ignores NULLs as SQL requires.
 *
 * <p>Only aggregations whose calls are all distinct over one argument are rewritten; a mix of
 * distinct and plain calls, or two different distinct arguments, needs Spark's Expand and is
 * reported as not yet supported.
 */
public final class RewriteDistinctAggregates implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Aggregate aggregate)) {
            return Optional.empty();
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (Expression output : aggregate.aggregates()) {
            calls.addAll(output.collect(AggregateCall.class));
        }
        if (calls.stream().noneMatch(AggregateCall::distinct)) {
            return Optional.empty();
        }
        Set<Expression> distinctArguments = new LinkedHashSet<>();
        for (AggregateCall call : calls) {
            if (!call.distinct()) {
                throw unsupported("mixing DISTINCT and plain aggregates (" + call + ")");
            }
            distinctArguments.add(call.argument());
        }
        if (distinctArguments.size() > 1) {
            throw unsupported("DISTINCT aggregates over different arguments " + distinctArguments);
        }
        return Optional.of(rewrite(aggregate, distinctArguments.iterator().next()));
    }

    private static LogicalPlan rewrite(Aggregate aggregate, Expression argument) {
        List<Expression> innerGroupings = new ArrayList<>(aggregate.groupings());
        List<Expression> innerOutputs = new ArrayList<>();
        Map<Expression, ColumnRef> keyByGrouping = new LinkedHashMap<>();
        for (Expression grouping : aggregate.groupings()) {
            ColumnRef key = named(grouping, "key", innerOutputs);
            keyByGrouping.put(grouping, key);
        }
        ColumnRef value = keyByGrouping.containsKey(argument) ? keyByGrouping.get(argument)
                : named(argument, "distinct_value", innerOutputs);
        if (!aggregate.groupings().contains(argument)) {
            innerGroupings.add(argument);
        }
        Aggregate inner = Aggregate.create(innerGroupings, innerOutputs, aggregate.child());

        List<Expression> outerOutputs = new ArrayList<>();
        for (Expression output : aggregate.aggregates()) {
            outerOutputs.add(output.transformDown(part -> {
                if (part instanceof AggregateCall call) {
                    return new AggregateCall(call.function(), value, false);
                }
                ColumnRef key = part instanceof Alias || part instanceof ColumnRef ? null : keyByGrouping.get(part);
                return key != null ? key : part;
            }));
        }
        return Aggregate.create(new ArrayList<>(keyByGrouping.values()), outerOutputs, inner);
    }

    /** The column the inner aggregation outputs for {@code expression}, added to {@code outputs}. */
    private static ColumnRef named(Expression expression, String name, List<Expression> outputs) {
        if (expression instanceof ColumnRef ref) {
            outputs.add(ref);
            return ref;
        }
        Alias alias = Alias.create(expression, name);
        outputs.add(alias);
        return alias.toAttribute();
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("Not yet supported: " + what
                + "; only aggregations whose calls are all DISTINCT over one column can be planned");
    }
}
