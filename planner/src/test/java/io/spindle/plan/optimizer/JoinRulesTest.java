package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RuleTester.assertThatRule;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.JoinType;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PushFilterThroughJoin and PruneColumns through joins: fires (golden snapshots) and does not fire. */
class JoinRulesTest {
    private static final Schema LEFT = Schema.of(Field.of("a", DataType.LONG), Field.of("b", DataType.STRING),
            Field.of("c", DataType.DOUBLE));
    private static final Schema RIGHT = Schema.of(Field.of("x", DataType.LONG), Field.of("y", DataType.STRING),
            Field.of("z", DataType.DOUBLE));
    private final Analyzer analyzer = new Analyzer();

    private static Expression column(String name) {
        return new UnresolvedColumn(name);
    }

    private static Expression compare(CompareOperator operator, Expression left, Object right) {
        return new Comparison(operator, left, right instanceof Expression e ? e : Literal.of(right));
    }

    private static Join join(JoinType type, Expression condition) {
        return Join.create(Scan.create("parquet", List.of("/data/l"), LEFT),
                Scan.create("parquet", List.of("/data/r"), RIGHT), type, condition);
    }

    private static Expression keys() {
        return compare(CompareOperator.EQUAL, column("a"), column("x"));
    }

    private static Expression whereBothSides() {
        return new And(new And(compare(CompareOperator.GREATER_THAN, column("a"), 1L),
                compare(CompareOperator.EQUAL, column("y"), "k")),
                compare(CompareOperator.LESS_THAN, column("c"), column("z")));
    }

    @Test
    void innerJoinTakesWhereConjunctsToBothSidesAndCrossSideOnesIntoTheCondition() {
        LogicalPlan plan = analyzer.analyze(Filter.create(whereBothSides(), join(JoinType.INNER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(plan).firesAs("push-filter-through-inner-join");
        assertThatRule(new PushFilterThroughJoin()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void leftJoinKeepsWhereConjunctsOnTheNullSupplyingSideAbove() {
        LogicalPlan plan = analyzer.analyze(Filter.create(whereBothSides(), join(JoinType.LEFT_OUTER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(plan).firesAs("push-filter-through-left-join");
    }

    @Test
    void fullJoinKeepsEveryWhereConjunctAbove() {
        LogicalPlan plan = analyzer.analyze(Filter.create(whereBothSides(), join(JoinType.FULL_OUTER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(plan).doesNotFire();
        LogicalPlan rightOnly = analyzer.analyze(Filter.create(compare(CompareOperator.EQUAL, column("y"), "k"),
                join(JoinType.LEFT_OUTER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(rightOnly).doesNotFire();
    }

    @Test
    void leftJoinOnConditionGoesOnlyToTheNullSupplyingSide() {
        Expression on = new And(keys(), new And(compare(CompareOperator.EQUAL, column("y"), "k"),
                compare(CompareOperator.GREATER_THAN, column("a"), 1L)));
        LogicalPlan plan = analyzer.analyze(join(JoinType.LEFT_OUTER, on));
        assertThatRule(new PushFilterThroughJoin()).on(plan).firesAs("push-on-condition-through-left-join");
        LogicalPlan leftOnly = analyzer.analyze(join(JoinType.LEFT_OUTER,
                new And(keys(), compare(CompareOperator.GREATER_THAN, column("a"), 1L))));
        assertThatRule(new PushFilterThroughJoin()).on(leftOnly).doesNotFire();
    }

    @Test
    void pruneColumnsNarrowsBothSidesOfAJoin() {
        LogicalPlan plan = analyzer.analyze(Project.create(List.of(column("b")), join(JoinType.INNER, keys())));
        assertThatRule(new PruneColumns()).on(plan).firesAs("prune-columns-through-join");
    }

    @Test
    void rightJoinPushesWhereConjunctsOnlyToTheRight() {
        LogicalPlan plan = analyzer.analyze(Filter.create(whereBothSides(), join(JoinType.RIGHT_OUTER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(plan).firesAs("push-filter-through-right-join");
        LogicalPlan leftOnly = analyzer.analyze(Filter.create(compare(CompareOperator.GREATER_THAN, column("a"), 1L),
                join(JoinType.RIGHT_OUTER, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(leftOnly).doesNotFire();
    }

    @Test
    void semiAndAntiJoinsTakeWhereConjunctsToTheLeftButAnOnConjunctOnTheLeftOnlyForSemi() {
        LogicalPlan semiWhere = analyzer.analyze(Filter.create(compare(CompareOperator.GREATER_THAN, column("a"), 1L),
                join(JoinType.LEFT_SEMI, keys())));
        assertThatRule(new PushFilterThroughJoin()).on(semiWhere).firesAs("push-filter-through-semi-join");
        Expression onLeft = new And(keys(), compare(CompareOperator.GREATER_THAN, column("a"), 1L));
        assertThatRule(new PushFilterThroughJoin()).on(analyzer.analyze(join(JoinType.LEFT_SEMI, onLeft)))
                .firesAs("push-on-condition-through-semi-join");
        // An anti join keeps the left rows the condition rejects: a left-only ON conjunct must stay.
        assertThatRule(new PushFilterThroughJoin()).on(analyzer.analyze(join(JoinType.LEFT_ANTI, onLeft)))
                .doesNotFire();
        Expression onRight = new And(keys(), compare(CompareOperator.EQUAL, column("y"), "k"));
        assertThatRule(new PushFilterThroughJoin()).on(analyzer.analyze(join(JoinType.LEFT_ANTI, onRight)))
                .firesAs("push-on-condition-through-anti-join");
    }

    @Test
    void fullJoinOnConditionStaysInTheJoin() {
        Expression on = new And(keys(), new And(compare(CompareOperator.EQUAL, column("y"), "k"),
                compare(CompareOperator.GREATER_THAN, column("a"), 1L)));
        assertThatRule(new PushFilterThroughJoin()).on(analyzer.analyze(join(JoinType.FULL_OUTER, on))).doesNotFire();
    }

    @Test
    void nonDeterministicConjunctsStayAboveEvenAnInnerJoin() {
        Filter filter = (Filter) analyzer.analyze(Filter.create(compare(CompareOperator.GREATER_THAN, column("a"), 1L),
                join(JoinType.INNER, keys())));
        Comparison comparison = (Comparison) filter.condition();
        Expression nonDeterministic = new Comparison(comparison.operator(), new NonDeterministicProbe(comparison.left()),
                comparison.right());
        LogicalPlan plan = Filter.create(nonDeterministic, filter.child());
        assertThatRule(new PushFilterThroughJoin()).on(plan).doesNotFire();
        // A conjunct after a non-deterministic one is evaluated only on the rows it kept: it stays too.
        Filter both = (Filter) analyzer.analyze(Filter.create(new And(compare(CompareOperator.GREATER_THAN,
                column("a"), 1L), compare(CompareOperator.EQUAL, column("y"), "k")), join(JoinType.INNER, keys())));
        And conjuncts = (And) both.condition();
        Comparison first = (Comparison) conjuncts.left();
        Expression firstNonDeterministic = new Comparison(first.operator(), new NonDeterministicProbe(first.left()),
                first.right());
        assertThatRule(new PushFilterThroughJoin()).on(Filter.create(new And(firstNonDeterministic, conjuncts.right()),
                both.child())).doesNotFire();
        assertThatRule(new PushFilterThroughJoin()).on(Filter.create(new And(conjuncts.right(), firstNonDeterministic),
                both.child())).firesAs("push-filter-through-join-before-non-deterministic");
    }
}
