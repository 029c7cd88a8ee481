package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RuleTester.assertThatRule;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** count(DISTINCT x) becomes two aggregations; mixes it cannot plan fail clearly. */
class RewriteDistinctAggregatesTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT), Field.of("x", DataType.LONG));
    private final Analyzer analyzer = new Analyzer();

    private static Expression column(String name) {
        return new UnresolvedColumn(name);
    }

    private LogicalPlan aggregate(List<Expression> groupings, List<Expression> outputs) {
        return analyzer.analyze(Aggregate.create(groupings, outputs, Scan.create("parquet", List.of("/t"), SCHEMA)));
    }

    @Test
    void countDistinctPerKeyBecomesTwoAggregations() {
        LogicalPlan plan = aggregate(List.of(column("k")), List.of(column("k"),
                Alias.create(new AggregateCall(AggregateFunction.COUNT, column("x"), true), "n")));
        assertThatRule(new RewriteDistinctAggregates()).on(plan).firesAs("rewrite-distinct-aggregates");
        assertThatRule(new RewriteDistinctAggregates()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void distinctOverAnExpressionWithAnExpressionKey() {
        Expression key = new Arithmetic(ArithmeticOperator.REMAINDER, column("k"), Literal.of(10));
        LogicalPlan plan = aggregate(List.of(key), List.of(Alias.create(key, "bucket"),
                Alias.create(new AggregateCall(AggregateFunction.COUNT,
                        new Arithmetic(ArithmeticOperator.ADD, column("x"), Literal.of(1L)), true), "n")));
        assertThatRule(new RewriteDistinctAggregates()).on(plan).firesAs("rewrite-distinct-aggregates-expressions");
    }

    @Test
    void plainAggregatesAreLeftAlone() {
        LogicalPlan plan = aggregate(List.of(column("k")), List.of(column("k"),
                Alias.create(new AggregateCall(AggregateFunction.COUNT, column("x"), false), "n")));
        assertThatRule(new RewriteDistinctAggregates()).on(plan).doesNotFire();
    }

    @Test
    void mixingDistinctAndPlainIsNotYetSupported() {
        LogicalPlan plan = aggregate(List.of(column("k")), List.of(
                Alias.create(new AggregateCall(AggregateFunction.COUNT, column("x"), true), "n"),
                Alias.create(new AggregateCall(AggregateFunction.SUM, column("x"), false), "s")));
        assertThatThrownBy(() -> Optimizer.applyEverywhere(new RewriteDistinctAggregates(), plan))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageStartingWith("Not yet supported: mixing");
    }
}
