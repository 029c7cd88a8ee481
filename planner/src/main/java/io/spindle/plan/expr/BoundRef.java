package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;

/** A column bound to its position in the input batch; only physical plans hold these. */
public record BoundRef(int ordinal, DataType dataType, boolean nullable) implements LeafExpression {
    @Override
    public String toString() {
        return "input[" + ordinal + "]";
    }
}
