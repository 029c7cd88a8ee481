package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * A ranking or offset window function: {@code row_number}, {@code rank}, {@code dense_rank} (no
 * argument; an int, as in Spark), or {@code lag}/{@code lead} of {@code argument} by
 * {@code offset} rows within the partition, {@code defaultValue} where that row does not exist.
 */
public record WindowFunction(Kind kind, Expression argument, int offset, Expression defaultValue)
        implements Expression {

    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD }

    public static WindowFunction ranking(Kind kind) {
        return new WindowFunction(kind, null, 0, null);
    }

    @Override
    public List<Expression> children() {
        return argument == null ? List.of() : List.of(argument, defaultValue);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return children.isEmpty() ? this : new WindowFunction(kind, children.get(0), offset, children.get(1));
    }

    @Override
    public DataType dataType() {
        return argument == null ? DataType.INT : argument.dataType();
    }

    @Override
    public boolean nullable() {
        return argument != null;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + (argument == null ? ""
                : argument + ", " + offset + ", " + defaultValue) + ")";
    }
}
