package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** The first non-NULL argument, NULL if all are; after coercion all arguments share one type. */
public record Coalesce(List<Expression> arguments) implements Expression {
    public Coalesce {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("coalesce needs at least one argument");
        }
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Coalesce(children);
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return arguments.stream().allMatch(Expression::nullable);
    }

    @Override
    public String toString() {
        return "coalesce(" + arguments.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
