package io.spindle.plan.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LocalRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.PlanText;
import io.spindle.plan.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Name resolution ignoring case with did-you-mean errors, implicit casts, and the grouping rule. */
class AnalyzerTest {
    private final Analyzer analyzer = new Analyzer();
    private final LocalRelation table = LocalRelation.create(List.of(ColumnRef.create("price", DataType.INT, true),
            ColumnRef.create("qty", DataType.LONG, true), ColumnRef.create("name", DataType.STRING, true)), List.of());

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThatThrownBy(() -> analyzer.analyze(Project.create(List.of(new UnresolvedColumn("prise")), table)))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Column 'prise' not found; did you mean 'price'? Available: price, qty, name");
        assertThatThrownBy(() -> analyzer.analyze(Project.create(List.of(new UnresolvedColumn("zzzzzz")), table)))
                .hasMessage("Column 'zzzzzz' not found. Available: price, qty, name");
    }

    @Test
    void namesResolveIgnoringCaseAndIntegerDivisionIsDouble() {
        LogicalPlan plan = analyzer.analyze(Project.create(List.of(new Arithmetic(ArithmeticOperator.DIVIDE,
                new UnresolvedColumn("PRICE"), new UnresolvedColumn("Qty"))), table));
        assertThat(PlanText.normalizeIds(plan.nodeString()))
                .isEqualTo("Project [(cast(price#1 as double) / cast(qty#2 as double)) AS (cast(price as double) / "
                        + "cast(qty as double))#3]");
        assertThat(plan.output().get(0).dataType()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void typeErrorsAndGroupingErrorsAreReportedAtAnalysis() {
        assertThatThrownBy(() -> analyzer.analyze(Filter.create(new UnresolvedColumn("price"), table)))
                .hasMessageContaining("not boolean");
        assertThatThrownBy(() -> analyzer.analyze(Project.create(List.of(new Arithmetic(ArithmeticOperator.ADD,
                new UnresolvedColumn("name"), Literal.of(1))), table)))
                .hasMessageContaining("Cannot apply + to name");
        assertThatThrownBy(() -> analyzer.analyze(Aggregate.create(List.of(new UnresolvedColumn("name")),
                List.of(new UnresolvedColumn("price")), table)))
                .hasMessageContaining("Column 'price' must be in groupBy");
        LogicalPlan ok = analyzer.analyze(Aggregate.create(List.of(new UnresolvedColumn("name")), List.of(
                new UnresolvedColumn("name"), new AggregateCall(AggregateFunction.SUM, new UnresolvedColumn("qty"),
                        false)), table));
        assertThat(ok.output()).extracting(ColumnRef::dataType).containsExactly(DataType.STRING, DataType.LONG);
    }
}
