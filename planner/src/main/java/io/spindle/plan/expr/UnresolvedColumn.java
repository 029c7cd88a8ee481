package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;

/** A column named by the user, resolved by the analyzer against the child plan ignoring case. */
public record UnresolvedColumn(String name) implements LeafExpression {
    @Override
    public DataType dataType() {
        throw new IllegalStateException("Unresolved column '" + name + "' has no type yet");
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public String toString() {
        return "'" + name;
    }
}
