package io.spindle.api;

import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.expr.WindowExpression;
import io.spindle.plan.expr.WindowSpec;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lifts the window expressions of a select into {@link Window} nodes below it, one per distinct
 * spec: each {@code f OVER (spec)} becomes a column of the Window node (named {@code __windowN}
 * inside the plan) and the select reads that column under the user's name.
 */
final class Windows {
    private static final AtomicLong NEXT = new AtomicLong();

    private Windows() {}

    /** The projections with window expressions replaced, and the child with the Window nodes. */
    record Lifted(List<Expression> projections, LogicalPlan child) {
    }

    static Lifted lift(List<Expression> projections, LogicalPlan child) {
        Map<WindowSpec, List<Expression>> bySpec = new LinkedHashMap<>();
        List<Expression> rewritten = new ArrayList<>(projections.size());
        for (Expression projection : projections) {
            if (projection.collect(WindowExpression.class).isEmpty()) {
                rewritten.add(projection);
                continue;
            }
            Expression named = projection instanceof WindowExpression window
                    ? Alias.create(window, Analyzer.prettyName(window)) : projection;
            rewritten.add(named.transformDown(part -> {
                if (!(part instanceof WindowExpression window)) {
                    return part;
                }
                String internal = "__window" + NEXT.incrementAndGet();
                bySpec.computeIfAbsent(window.spec(), spec -> new ArrayList<>()).add(Alias.create(window, internal));
                return new UnresolvedColumn(internal);
            }));
        }
        LogicalPlan current = child;
        for (Map.Entry<WindowSpec, List<Expression>> entry : bySpec.entrySet()) {
            current = Window.create(entry.getValue(), entry.getKey(), current);
        }
        return new Lifted(rewritten, current);
    }
}
