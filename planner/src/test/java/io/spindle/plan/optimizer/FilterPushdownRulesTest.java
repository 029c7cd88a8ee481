package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RulePlans.alias;
import static io.spindle.plan.optimizer.RulePlans.analyzed;
import static io.spindle.plan.optimizer.RulePlans.column;
import static io.spindle.plan.optimizer.RulePlans.greater;
import static io.spindle.plan.optimizer.RulePlans.otherScan;
import static io.spindle.plan.optimizer.RulePlans.scan;
import static io.spindle.plan.optimizer.RulePlans.sum;
import static io.spindle.plan.optimizer.RuleTester.assertThatRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CombineFilters, PushFilterThroughProject, PushFilterThroughAggregate and PushFilterThroughUnion:
 * each fires (golden snapshot), does not fire where moving the filter would change the result, and
 * is switched off by {@code spindle.optimizer.excludedRules}.
 */
class FilterPushdownRulesTest {

    /** The filter's condition with its first column read through a non-deterministic expression. */
    private static LogicalPlan withNonDeterministicCondition(LogicalPlan analyzedFilter) {
        Filter filter = (Filter) analyzedFilter;
        Comparison comparison = (Comparison) filter.condition();
        return Filter.create(new Comparison(comparison.operator(), new NonDeterministicProbe(comparison.left()),
                comparison.right()), filter.child());
    }

    @Test
    void combineFiltersMergesStackedFiltersLowerFirst() {
        LogicalPlan plan = analyzed(Filter.create(greater("b", 2L), Filter.create(greater("a", 1), scan())));
        assertThatRule(new CombineFilters()).on(plan).firesAs("combine-filters");
        assertThatRule(new CombineFilters()).on(plan).isSwitchedOffByConfig();
        assertThatRule(new CombineFilters()).on(analyzed(Filter.create(greater("a", 1), scan()))).doesNotFire();
    }

    @Test
    void combineFiltersLeavesANonDeterministicConditionOnItsOwn() {
        LogicalPlan lower = withNonDeterministicCondition(analyzed(Filter.create(greater("a", 1), scan())));
        LogicalPlan plan = analyzed(Filter.create(greater("b", 2L), lower));
        assertThatRule(new CombineFilters()).on(plan).doesNotFire();
    }

    @Test
    void pushFilterThroughProjectIsSwitchedOffByConfig() {
        LogicalPlan plan = analyzed(Filter.create(greater("y", 3), Project.create(List.of(column("a"),
                alias(new Arithmetic(ArithmeticOperator.ADD, column("a"), Literal.of(1)), "y")), scan())));
        assertThatRule(new PushFilterThroughProject()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void pushFilterThroughProjectKeepsNonDeterministicConjunctsAbove() {
        LogicalPlan projected = analyzed(Project.create(List.of(column("a"), column("b")), scan()));
        LogicalPlan onlyNonDeterministic = withNonDeterministicCondition(analyzed(
                Filter.create(greater("a", 1), projected)));
        assertThatRule(new PushFilterThroughProject()).on(onlyNonDeterministic).doesNotFire();

        Expression nonDeterministic = ((Filter) onlyNonDeterministic).condition();
        Expression deterministic = ((Filter) analyzed(Filter.create(greater("b", 2L), projected))).condition();
        // A conjunct before the non-deterministic one moves; one after it sees only the rows it kept, so it stays.
        LogicalPlan before = Filter.create(new And(deterministic, nonDeterministic), projected);
        assertThatRule(new PushFilterThroughProject()).on(before).firesAs("push-filter-through-project-non-deterministic");
        LogicalPlan after = Filter.create(new And(nonDeterministic, deterministic), projected);
        assertThatRule(new PushFilterThroughProject()).on(after).doesNotFire();
    }

    @Test
    void pushFilterThroughProjectLeavesAProjectWithANonDeterministicColumn() {
        Project project = (Project) analyzed(Project.create(List.of(column("a"),
                alias(new Arithmetic(ArithmeticOperator.ADD, column("a"), Literal.of(1)), "y")), scan()));
        Expression y = project.projections().get(1);
        Project nonDeterministic = Project.create(List.of(project.projections().get(0),
                new io.spindle.plan.expr.Alias(new NonDeterministicProbe(((io.spindle.plan.expr.Alias) y).child()), "y",
                        ((io.spindle.plan.expr.Alias) y).id())), project.child());
        LogicalPlan plan = Filter.create(new Comparison(CompareOperator.GREATER_THAN,
                nonDeterministic.output().get(1), Literal.of(3)), nonDeterministic);
        assertThatRule(new PushFilterThroughProject()).on(plan).doesNotFire();
    }

    @Test
    void pushFilterThroughAggregateMovesConditionsOnGroupingColumnsOnly() {
        LogicalPlan plan = analyzed(Filter.create(new And(greater("a", 1), greater("total", 10L)),
                Aggregate.create(List.of(column("a")), List.of(column("a"), alias(sum("b"), "total")), scan())));
        LogicalPlan after = assertThatRule(new PushFilterThroughAggregate()).on(plan)
                .firesAs("push-filter-through-aggregate");
        assertThatRule(new PushFilterThroughAggregate()).on(after).doesNotFire();
        assertThatRule(new PushFilterThroughAggregate()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void pushFilterThroughAggregateSubstitutesAGroupingExpression() {
        Expression bucket = new Arithmetic(ArithmeticOperator.REMAINDER, column("a"), Literal.of(10));
        LogicalPlan plan = analyzed(Filter.create(greater("bucket", 3),
                Aggregate.create(List.of(bucket), List.of(alias(bucket, "bucket"), alias(sum("b"), "total")), scan())));
        assertThatRule(new PushFilterThroughAggregate()).on(plan).firesAs("push-filter-through-aggregate-expression");
    }

    @Test
    void aFilterOnAnAggregateResultStaysAboveTheAggregate() {
        LogicalPlan plan = analyzed(Filter.create(greater("total", 10L),
                Aggregate.create(List.of(column("a")), List.of(column("a"), alias(sum("b"), "total")), scan())));
        assertThatRule(new PushFilterThroughAggregate()).on(plan).doesNotFire();
    }

    @Test
    void nothingMovesBelowAGlobalAggregateNotEvenAConstantCondition() {
        // A global aggregate returns one row even for empty input: Filter(false) above gives no row,
        // below it would give one.
        LogicalPlan plan = analyzed(Filter.create(Literal.FALSE,
                Aggregate.create(List.of(), List.of(alias(sum("b"), "total")), scan())));
        assertThatRule(new PushFilterThroughAggregate()).on(plan).doesNotFire();
    }

    @Test
    void aNonDeterministicConditionOnAGroupingColumnStaysAbove() {
        LogicalPlan plan = withNonDeterministicCondition(analyzed(Filter.create(greater("a", 1),
                Aggregate.create(List.of(column("a")), List.of(column("a"), alias(sum("b"), "total")), scan()))));
        assertThatRule(new PushFilterThroughAggregate()).on(plan).doesNotFire();
    }

    @Test
    void pushFilterThroughUnionFiltersEveryInputByPosition() {
        LogicalPlan plan = analyzed(Filter.create(new And(greater("a", 1), greater("c", "m")),
                Union.create(List.of(scan(), otherScan()))));
        LogicalPlan after = assertThatRule(new PushFilterThroughUnion()).on(plan).firesAs("push-filter-through-union");
        assertThat(after).isInstanceOf(Union.class);
        assertThatRule(new PushFilterThroughUnion()).on(after).doesNotFire();
        assertThatRule(new PushFilterThroughUnion()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void pushFilterThroughUnionMapsColumnsByPositionNotName() {
        LogicalPlan first = Project.create(List.of(column("b"), column("a")), scan());
        LogicalPlan second = Project.create(List.of(column("y"), column("x")), otherScan());
        LogicalPlan plan = analyzed(Filter.create(greater("a", 1), Union.create(List.of(first, second))));
        assertThatRule(new PushFilterThroughUnion()).on(plan).firesAs("push-filter-through-union-by-position");
    }

    @Test
    void aNonDeterministicConditionStaysAboveTheUnion() {
        LogicalPlan plan = withNonDeterministicCondition(analyzed(Filter.create(greater("a", 1),
                Union.create(List.of(scan(), otherScan())))));
        assertThatRule(new PushFilterThroughUnion()).on(plan).doesNotFire();
    }
}
