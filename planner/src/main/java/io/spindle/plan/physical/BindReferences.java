package io.spindle.plan.physical;

import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces column references by input positions, node by node, so executors evaluate expressions
 * against batch columns without any name or id lookup.
 */
public final class BindReferences {
    private BindReferences() {}

    public static PhysicalPlan bind(PhysicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof HashJoinExec join) {
                return join.bind((expression, input) -> bind(expression, positionsOf(input), join));
            }
            if (node.children().size() != 1) {
                return node;
            }
            List<ColumnRef> input = node.children().get(0).output();
            Map<ColumnRef, Integer> positions = new HashMap<>();
            for (int i = 0; i < input.size(); i++) {
                positions.putIfAbsent(input.get(i), i);
            }
            return node.mapExpressions(expression -> bind(expression, positions, node));
        });
    }

    private static Map<ColumnRef, Integer> positionsOf(List<ColumnRef> input) {
        Map<ColumnRef, Integer> positions = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            positions.putIfAbsent(input.get(i), i);
        }
        return positions;
    }

    private static Expression bind(Expression expression, Map<ColumnRef, Integer> positions, PhysicalPlan node) {
        return expression.transformUp(part -> {
            if (part instanceof ColumnRef ref) {
                Integer position = positions.get(ref);
                if (position == null) {
                    throw new IllegalStateException("Column " + ref + " of " + node.nodeString()
                            + " is not produced by its input " + node.children().get(0).output());
                }
                return new BoundRef(position, ref.dataType(), ref.nullable());
            }
            return part;
        });
    }
}
