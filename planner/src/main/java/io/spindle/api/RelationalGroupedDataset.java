package io.spindle.api;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/** The result of {@link Dataset#groupBy}: aggregate with {@link #agg} or {@link #count()}. */
public final class RelationalGroupedDataset {
    private final Dataset input;
    private final List<Expression> groupings;

    /** Resolves the grouping columns at once, so an unknown one fails at groupBy, as in Spark. */
    RelationalGroupedDataset(Dataset input, List<Expression> groupings) {
        this.input = input;
        this.groupings = List.copyOf(groupings);
        if (!groupings.isEmpty()) {
            input.aggregate(keys(), this.groupings);
        }
    }

    /** Group by the expressions themselves: a name given in groupBy(expr.as("k")) names the output column. */
    private List<Expression> keys() {
        return groupings.stream().map(g -> g instanceof Alias alias ? alias.child() : g).toList();
    }

    /** The grouping columns followed by the aggregates, as Spark outputs them. */
    public Dataset agg(Column... aggregates) {
        List<Expression> outputs = new ArrayList<>(groupings);
        for (Column aggregate : aggregates) {
            outputs.add(aggregate.expression());
        }
        return input.aggregate(keys(), outputs);
    }

    /** One row per group with its number of rows, in a column named {@code count}. */
    public Dataset count() {
        return agg(new Column(Alias.create(AggregateCall.countStar(), "count")));
    }
}
