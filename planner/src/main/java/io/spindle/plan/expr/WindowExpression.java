package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (spec)}: a {@link WindowFunction} or an {@link AggregateCall} (sum, count,
 * min, max) evaluated over a window. Made by {@code Column.over}; a select lifts it into a
 * {@link io.spindle.plan.logical.Window} node.
 */
public record WindowExpression(Expression function, WindowSpec spec) implements Expression {

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>();
        children.add(function);
        children.addAll(spec.partitionBy());
        spec.orderBy().forEach(order -> children.add(order.expression()));
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        int partitions = spec.partitionBy().size();
        List<SortOrder> orders = new ArrayList<>();
        for (int i = 0; i < spec.orderBy().size(); i++) {
            orders.add(spec.orderBy().get(i).withExpression(children.get(1 + partitions + i)));
        }
        return new WindowExpression(children.get(0), new WindowSpec(children.subList(1, 1 + partitions), orders));
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return function + " OVER (" + spec + ")";
    }
}
