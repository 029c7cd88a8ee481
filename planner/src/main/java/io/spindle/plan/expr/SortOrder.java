package io.spindle.plan.expr;

import java.io.Serializable;

/**
 * One sort key. Spark's defaults: ascending puts NULLs first, descending puts them last. Doubles
 * order NaN above every other value.
 */
public record SortOrder(Expression expression, boolean ascending, boolean nullsFirst) implements Serializable {

    public static SortOrder ascending(Expression expression) {
        return new SortOrder(expression, true, true);
    }

    public static SortOrder descending(Expression expression) {
        return new SortOrder(expression, false, false);
    }

    public SortOrder withExpression(Expression newExpression) {
        return new SortOrder(newExpression, ascending, nullsFirst);
    }

    @Override
    public String toString() {
        return expression + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
