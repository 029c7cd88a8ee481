package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;

/**
 * A resolved reference to a column produced by a child plan, identified by {@link #id()}. Two
 * references are the same column exactly when their ids are equal; the name is for display.
 */
public record ColumnRef(long id, String name, DataType dataType, boolean nullable)
        implements LeafExpression, NamedExpression {

    public static ColumnRef create(String name, DataType type, boolean nullable) {
        return new ColumnRef(ExprIds.next(), name, type, nullable);
    }

    @Override
    public ColumnRef toAttribute() {
        return this;
    }

    public ColumnRef withName(String newName) {
        return new ColumnRef(id, newName, dataType, nullable);
    }

    public ColumnRef withNullable(boolean newNullable) {
        return new ColumnRef(id, name, dataType, newNullable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnRef that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
