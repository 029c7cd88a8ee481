package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RulePlans.alias;
import static io.spindle.plan.optimizer.RulePlans.analyzed;
import static io.spindle.plan.optimizer.RulePlans.column;
import static io.spindle.plan.optimizer.RulePlans.greater;
import static io.spindle.plan.optimizer.RulePlans.otherScan;
import static io.spindle.plan.optimizer.RulePlans.scan;
import static io.spindle.plan.optimizer.RulePlans.sum;
import static io.spindle.plan.optimizer.RuleTester.assertThatRule;

import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Sort;
import io.spindle.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CombineLimits, PushLimitThroughProject and PushLimitThroughUnion: a limit moves only below
 * operators that keep rows one to one (project) or may be cut per input (union), never below a
 * filter, an aggregate or a sort, which would change which rows are kept.
 */
class LimitRulesTest {

    @Test
    void combineLimitsKeepsTheSmallerCount() {
        LogicalPlan plan = analyzed(Limit.create(10, Limit.create(5, scan())));
        assertThatRule(new CombineLimits()).on(plan).firesAs("combine-limits");
        assertThatRule(new CombineLimits()).on(plan).isSwitchedOffByConfig();
        assertThatRule(new CombineLimits()).on(analyzed(Limit.create(10, scan()))).doesNotFire();
    }

    @Test
    void aLimitDoesNotMoveBelowAFilter() {
        LogicalPlan plan = analyzed(Limit.create(10, Filter.create(greater("a", 1), scan())));
        assertThatRule(new PushLimitThroughProject()).on(plan).doesNotFire();
        assertThatRule(new PushLimitThroughUnion()).on(plan).doesNotFire();
        assertThatRule(new CombineLimits()).on(plan).doesNotFire();
    }

    @Test
    void aLimitDoesNotMoveBelowAnAggregate() {
        LogicalPlan plan = analyzed(Limit.create(10, Aggregate.create(List.of(column("a")),
                List.of(column("a"), alias(sum("b"), "total")), scan())));
        assertThatRule(new PushLimitThroughProject()).on(plan).doesNotFire();
        assertThatRule(new PushLimitThroughUnion()).on(plan).doesNotFire();
    }

    @Test
    void aLimitDoesNotMoveBelowASort() {
        LogicalPlan plan = analyzed(Limit.create(10, Sort.create(List.of(new SortOrder(column("a"), true, true)),
                Project.create(List.of(column("a")), scan()))));
        assertThatRule(new PushLimitThroughProject()).on(plan).doesNotFire();
    }

    @Test
    void aLimitBelowAUnionInputIsNotPushedThroughAFilterThere() {
        LogicalPlan plan = analyzed(Limit.create(3, Union.create(List.of(Filter.create(greater("a", 1), scan()),
                otherScan()))));
        LogicalPlan after = assertThatRule(new PushLimitThroughUnion()).on(plan).firesAs("push-limit-through-union-filter");
        assertThatRule(new PushLimitThroughProject()).on(after).doesNotFire();
    }
}
