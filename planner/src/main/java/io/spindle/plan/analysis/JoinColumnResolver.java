package io.spindle.plan.analysis;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.Join;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a name in a join condition against both sides. A name found on both sides is an error
 * that names the column and each side's match, and says how to pick one.
 */
public final class JoinColumnResolver {
    private JoinColumnResolver() {}

    public static ColumnRef resolve(Join join, String name) {
        List<ColumnRef> left = matches(join.left().output(), name);
        List<ColumnRef> right = matches(join.right().output(), name);
        if (!left.isEmpty() && !right.isEmpty()) {
            throw new AnalysisException("Column '" + name + "' is ambiguous in the join condition: the left side has "
                    + left + " and the right side has " + right + "; use leftDataset.col(\"" + name
                    + "\") or rightDataset.col(\"" + name + "\"), or join USING the column");
        }
        List<ColumnRef> input = new ArrayList<>(join.left().output());
        input.addAll(join.right().output());
        return ColumnResolver.resolve(name, input);
    }

    private static List<ColumnRef> matches(List<ColumnRef> columns, String name) {
        List<ColumnRef> found = new ArrayList<>();
        for (ColumnRef column : columns) {
            if (column.name().equalsIgnoreCase(name)) {
                found.add(column);
            }
        }
        return found;
    }
}
