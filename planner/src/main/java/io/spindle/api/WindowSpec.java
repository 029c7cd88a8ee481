package io.spindle.api;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import java.util.Arrays;
import java.util.List;

/** A window definition for {@link Column#over}, made by {@link Window}: partition columns and an order. */
public final class WindowSpec {
    private final List<Expression> partitionBy;
    private final List<SortOrder> orderBy;

    WindowSpec(List<Expression> partitionBy, List<SortOrder> orderBy) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
    }

    public WindowSpec partitionBy(Column... columns) {
        return new WindowSpec(Arrays.stream(columns).map(Column::expression).toList(), orderBy);
    }

    public WindowSpec partitionBy(String... names) {
        return partitionBy(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
    }

    /** Ascending by default (NULLs first); use {@code col("x").desc()} for descending. */
    public WindowSpec orderBy(Column... columns) {
        return new WindowSpec(partitionBy, Arrays.stream(columns).map(Column::sortOrder).toList());
    }

    public WindowSpec orderBy(String... names) {
        return orderBy(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
    }

    io.spindle.plan.expr.WindowSpec toSpec() {
        return new io.spindle.plan.expr.WindowSpec(partitionBy, orderBy);
    }
}
