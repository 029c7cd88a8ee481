package io.spindle.api;

import io.spindle.plan.analysis.AnalysisException;
import io.spindle.plan.analysis.ColumnResolver;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.JoinType;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the plans of {@link Dataset#join}. A join USING columns becomes a join on their equality
 * plus a project listing each USING column once, then the other left columns, then the other right
 * columns, as Spark does: the key is the left side's for inner and left joins, the right side's for
 * right joins and {@code coalesce(left.k, right.k)} for full joins.
 */
final class JoinBuilder {
    private JoinBuilder() {}

    static LogicalPlan using(LogicalPlan left, LogicalPlan right, List<String> names, JoinType type) {
        if (names.isEmpty()) {
            throw new AnalysisException("join USING needs at least one column");
        }
        List<ColumnRef> leftKeys = new ArrayList<>();
        List<ColumnRef> rightKeys = new ArrayList<>();
        Expression condition = null;
        for (String name : names) {
            ColumnRef leftKey = resolveSide(name, left, "left");
            ColumnRef rightKey = resolveSide(name, right, "right");
            leftKeys.add(leftKey);
            rightKeys.add(rightKey);
            Expression equal = new Comparison(CompareOperator.EQUAL, leftKey, rightKey);
            condition = condition == null ? equal : new And(condition, equal);
        }
        Join join = Join.create(left, right, type, condition);
        if (type.leftOnly()) {
            return join;
        }
        List<ColumnRef> joined = join.output();
        List<Expression> projections = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            ColumnRef leftKey = find(joined, leftKeys.get(k));
            ColumnRef rightKey = find(joined, rightKeys.get(k));
            switch (type) {
                case INNER, LEFT_OUTER -> projections.add(leftKey);
                case RIGHT_OUTER -> projections.add(rightKey);
                case FULL_OUTER -> projections.add(Alias.create(new Coalesce(List.of(leftKey, rightKey)),
                        leftKey.name()));
                case LEFT_SEMI, LEFT_ANTI -> throw new AssertionError(type);
            }
        }
        for (ColumnRef column : joined) {
            if (!leftKeys.contains(column) && !rightKeys.contains(column)) {
                projections.add(column);
            }
        }
        return Project.create(projections, join);
    }

    private static ColumnRef find(List<ColumnRef> columns, ColumnRef key) {
        return columns.get(columns.indexOf(key));
    }

    private static ColumnRef resolveSide(String name, LogicalPlan side, String which) {
        try {
            return ColumnResolver.resolve(name, side.output());
        } catch (AnalysisException e) {
            throw new AnalysisException("USING column '" + name + "' cannot be resolved on the " + which
                    + " side of the join: " + e.getMessage());
        }
    }
}
