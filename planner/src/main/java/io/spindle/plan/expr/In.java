package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code value IN (list)}: true if the value equals an element; otherwise NULL if the value or
 * any element is NULL; otherwise false. After coercion all elements have the value's type.
 */
public record In(Expression value, List<Expression> list) implements Expression {
    public In {
        list = List.copyOf(list);
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>(list.size() + 1);
        children.add(value);
        children.addAll(list);
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new In(children.get(0), children.subList(1, children.size()));
    }

    @Override
    public DataType dataType() {
        return DataType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return children().stream().anyMatch(Expression::nullable);
    }

    @Override
    public String toString() {
        return value + " IN (" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
