package io.spindle.plan.expr;

import java.io.Serializable;
import java.util.List;

/**
 * {@code PARTITION BY ... ORDER BY ...} of a window. With an order, aggregates see the rows from
 * the partition's start through the current row and its peers (rows with equal order keys), as
 * Spark's default RANGE frame; without one, the whole partition.
 */
public record WindowSpec(List<Expression> partitionBy, List<SortOrder> orderBy) implements Serializable {

    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    public WindowSpec map(java.util.function.Function<Expression, Expression> mapper) {
        return new WindowSpec(partitionBy.stream().map(mapper).toList(),
                orderBy.stream().map(order -> order.withExpression(mapper.apply(order.expression()))).toList());
    }

    @Override
    public String toString() {
        return "PARTITION BY " + partitionBy + " ORDER BY " + orderBy;
    }
}
