package io.spindle.plan.analysis;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.WindowExpression;
import io.spindle.plan.expr.WindowFunction;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Window;

/**
 * Where window functions may appear and what they may compute: {@code .over(window)} only in
 * select/withColumn (lifted into a Window node), ranking and offset functions only with
 * {@code .over}, ranking functions only over an ordered window, and of the aggregates sum, count,
 * min and max.
 */
final class WindowChecks {
    private WindowChecks() {}

    static void check(LogicalPlan node) {
        if (node instanceof Window window) {
            for (Expression expression : window.windowExpressions()) {
                checkWindowExpression((WindowExpression) ((Alias) expression).child());
            }
            return;
        }
        for (Expression expression : node.expressions()) {
            if (!expression.collect(WindowExpression.class).isEmpty()) {
                throw new AnalysisException("Window functions (.over(window)) are only allowed in select() or "
                        + "withColumn(), not in " + node.nodeString());
            }
            if (!expression.collect(WindowFunction.class).isEmpty()) {
                throw new AnalysisException(expression.collect(WindowFunction.class).get(0)
                        + " needs a window: add .over(Window.partitionBy(...).orderBy(...))");
            }
        }
    }

    private static void checkWindowExpression(WindowExpression window) {
        Expression function = window.function();
        if (function instanceof WindowFunction ranking) {
            if (window.spec().orderBy().isEmpty()) { // Spark requires an order for ranking and offsets alike
                throw new AnalysisException(ranking.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + "() needs an ordered window: add .orderBy(...) to the window");
            }
            return;
        }
        if (function instanceof AggregateCall call) {
            AggregateFunction aggregate = call.function();
            boolean supported = aggregate == AggregateFunction.SUM || aggregate == AggregateFunction.COUNT
                    || aggregate == AggregateFunction.COUNT_STAR || aggregate == AggregateFunction.MIN
                    || aggregate == AggregateFunction.MAX || aggregate == AggregateFunction.AVG;
            if (!supported || call.distinct()) {
                throw new AnalysisException(call + " over a window is not supported; use sum, avg, count, min or max");
            }
            io.spindle.formats.types.TypeKind kind = call.argument().dataType().kind();
            boolean ordered = kind == io.spindle.formats.types.TypeKind.INT || kind == io.spindle.formats.types.TypeKind.LONG
                    || kind == io.spindle.formats.types.TypeKind.DOUBLE || kind == io.spindle.formats.types.TypeKind.DATE
                    || kind == io.spindle.formats.types.TypeKind.TIMESTAMP
                    || kind == io.spindle.formats.types.TypeKind.DECIMAL
                    && ((io.spindle.formats.types.DecimalType) call.argument().dataType()).fitsInLong();
            boolean numeric = aggregate == AggregateFunction.SUM || aggregate == AggregateFunction.AVG;
            if ((aggregate == AggregateFunction.MIN || aggregate == AggregateFunction.MAX || numeric) && !ordered) {
                throw new AnalysisException(call + " over a window needs a number or date argument, not "
                        + call.argument().dataType());
            }
            if (numeric && kind == io.spindle.formats.types.TypeKind.DECIMAL
                    && !((io.spindle.formats.types.DecimalType) call.argument().dataType()).fitsInLong()) {
                throw new AnalysisException(call + " over a window needs a decimal of precision 18 or less");
            }
            return;
        }
        throw new AnalysisException(function + " cannot be used with .over(window); use row_number, rank, "
                + "dense_rank, lag, lead, sum, avg, count, min or max");
    }
}
