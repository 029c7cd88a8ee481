package io.spindle.plan.optimizer;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Scan;
import java.util.List;

/** Plans and expressions the rule tests are built from: scans of t(a int, b long, c string, d double). */
final class RulePlans {
    static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT), Field.of("b", DataType.LONG),
            Field.of("c", DataType.STRING), Field.of("d", DataType.DOUBLE));
    static final Schema OTHER = Schema.of(Field.of("x", DataType.INT), Field.of("y", DataType.LONG),
            Field.of("z", DataType.STRING), Field.of("w", DataType.DOUBLE));
    private static long nextAliasId = 2_000_000;

    private RulePlans() {}

    static Scan scan() {
        return Scan.create("parquet", List.of("/data/t"), SCHEMA);
    }

    static Scan otherScan() {
        return Scan.create("parquet", List.of("/data/u"), OTHER);
    }

    static Expression column(String name) {
        return new UnresolvedColumn(name);
    }

    static Expression compare(CompareOperator operator, Expression left, Object right) {
        return new Comparison(operator, left, right instanceof Expression e ? e : Literal.of(right));
    }

    static Expression greater(String column, Object value) {
        return compare(CompareOperator.GREATER_THAN, column(column), value);
    }

    static Alias alias(Expression child, String name) {
        return new Alias(child, name, nextAliasId++);
    }

    static Expression sum(String column) {
        return new AggregateCall(AggregateFunction.SUM, column(column), false);
    }

    static LogicalPlan analyzed(LogicalPlan plan) {
        return new Analyzer().analyze(plan);
    }
}
