package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RuleTester.assertThatRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Scan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule fires (checked against a golden snapshot) and does not fire where it must not. */
class OptimizerRulesTest {
    private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT), Field.of("b", DataType.LONG),
            Field.of("c", DataType.STRING), Field.of("d", DataType.DOUBLE));
    private final Analyzer analyzer = new Analyzer();

    private static Scan scan() {
        return Scan.create("parquet", List.of("/data/t"), SCHEMA);
    }

    private static Expression column(String name) {
        return new UnresolvedColumn(name);
    }

    private static Expression compare(CompareOperator operator, Expression left, Object right) {
        return new Comparison(operator, left, Literal.of(right));
    }

    private LogicalPlan analyzed(LogicalPlan plan) {
        return analyzer.analyze(plan);
    }

    @Test
    void constantFoldingFoldsLiteralArithmeticButNotErrors() {
        LogicalPlan foldable = analyzed(Filter.create(new Comparison(CompareOperator.LESS_THAN, column("a"),
                new Arithmetic(ArithmeticOperator.ADD, Literal.of(1), Literal.of(2))), scan()));
        assertThatRule(new ConstantFolding()).on(foldable).firesAs("constant-folding");
        assertThatRule(new ConstantFolding()).on(foldable).isSwitchedOffByConfig();
        LogicalPlan divideByZero = analyzed(Filter.create(new Comparison(CompareOperator.LESS_THAN, column("b"),
                new Arithmetic(ArithmeticOperator.REMAINDER, Literal.of(1L), Literal.of(0L))), scan()));
        assertThatRule(new ConstantFolding()).on(divideByZero).doesNotFire();
    }

    @Test
    void simplifyBooleanExpressionsKeepsNullSemantics() {
        LogicalPlan plan = analyzed(Filter.create(new And(compare(CompareOperator.GREATER_THAN, column("a"), 1),
                Literal.TRUE), scan()));
        assertThatRule(new SimplifyBooleanExpressions()).on(plan).firesAs("simplify-and-true");
        assertThatRule(new SimplifyBooleanExpressions()).on(plan).isSwitchedOffByConfig();
        LogicalPlan orFalse = analyzed(Filter.create(new Or(Literal.FALSE, Literal.TRUE), scan()));
        assertThat(Optimizer.applyEverywhere(new SimplifyBooleanExpressions(),
                Optimizer.applyEverywhere(new SimplifyBooleanExpressions(), orFalse))).isEqualTo(orFalse.child());
        LogicalPlan nothingToDo = analyzed(Filter.create(compare(CompareOperator.GREATER_THAN, column("a"), 1), scan()));
        assertThatRule(new SimplifyBooleanExpressions()).on(nothingToDo).doesNotFire();
    }

    @Test
    void pushFilterThroughProjectSubstitutesAliases() {
        LogicalPlan plan = analyzed(Filter.create(compare(CompareOperator.GREATER_THAN, column("y"), 3),
                Project.create(List.of(column("a"), new Alias(new Arithmetic(ArithmeticOperator.ADD, column("a"),
                        Literal.of(1)), "y", 1_000_000)), scan())));
        assertThatRule(new PushFilterThroughProject()).on(plan).firesAs("push-filter-through-project");
        assertThatRule(new PushFilterThroughProject()).on(plan).isSwitchedOffByConfig();
        assertThatRule(new PushFilterThroughProject()).on(analyzed(Filter.create(
                compare(CompareOperator.GREATER_THAN, column("a"), 3), scan()))).doesNotFire();
    }

    @Test
    void pushFilterIntoScanPushesTranslatablePartsAndKeepsTheFilter() {
        LogicalPlan plan = analyzed(Filter.create(new And(compare(CompareOperator.GREATER_THAN, column("a"), 5),
                compare(CompareOperator.EQUAL, new Arithmetic(ArithmeticOperator.ADD, column("b"), Literal.of(1L)), 2L)),
                scan()));
        LogicalPlan after = assertThatRule(new PushFilterIntoScan()).on(plan).firesAs("push-filter-into-scan");
        assertThat(after).isInstanceOf(Filter.class);
        assertThatRule(new PushFilterIntoScan()).on(after).doesNotFire();
        assertThatRule(new PushFilterIntoScan()).on(plan).isSwitchedOffByConfig();
        LogicalPlan untranslatable = analyzed(Filter.create(compare(CompareOperator.EQUAL,
                new Arithmetic(ArithmeticOperator.ADD, column("b"), Literal.of(1L)), 2L), scan()));
        assertThatRule(new PushFilterIntoScan()).on(untranslatable).doesNotFire();
    }

    @Test
    void pruneColumnsNarrowsTheScanToWhatIsRead() {
        LogicalPlan plan = analyzed(Project.create(List.of(column("a")), Filter.create(
                compare(CompareOperator.EQUAL, column("c"), "x"), scan())));
        assertThatRule(new PruneColumns()).on(plan).firesAs("prune-columns");
        assertThatRule(new PruneColumns()).on(plan).isSwitchedOffByConfig();
        LogicalPlan allUsed = analyzed(Project.create(List.of(column("a"), column("b"), column("c"), column("d")),
                scan()));
        assertThatRule(new PruneColumns()).on(allUsed).doesNotFire();
    }

    @Test
    void pruneColumnsPassesThroughARepartitionKeepingItsKeys() {
        LogicalPlan plan = analyzed(Project.create(List.of(column("a")), io.spindle.plan.logical.Repartition.create(
                4, List.of(column("c")), true, scan())));
        assertThatRule(new PruneColumns()).on(plan).firesAs("prune-columns-through-repartition");
        LogicalPlan keysUsed = analyzed(Project.create(List.of(column("a"), column("b"), column("c"), column("d")),
                io.spindle.plan.logical.Repartition.create(2, List.of(), false, scan())));
        assertThatRule(new PruneColumns()).on(keysUsed).doesNotFire();
    }

    @Test
    void collapseProjectsMergesButNeverDuplicatesWork() {
        LogicalPlan plan = analyzed(Project.create(List.of(new Alias(new Arithmetic(ArithmeticOperator.MULTIPLY,
                column("y"), Literal.of(2)), "z", 1_000_001)), Project.create(List.of(new Alias(
                new Arithmetic(ArithmeticOperator.ADD, column("a"), Literal.of(1)), "y", 1_000_002)), scan())));
        assertThatRule(new CollapseProjects()).on(plan).firesAs("collapse-projects");
        assertThatRule(new CollapseProjects()).on(plan).isSwitchedOffByConfig();
        LogicalPlan reuse = analyzed(Project.create(List.of(new Alias(new Arithmetic(ArithmeticOperator.MULTIPLY,
                column("y"), column("y")), "z", 1_000_003)), Project.create(List.of(new Alias(
                new Arithmetic(ArithmeticOperator.ADD, column("a"), Literal.of(1)), "y", 1_000_004)), scan())));
        assertThatRule(new CollapseProjects()).on(reuse).doesNotFire();
    }

    @Test
    void pushLimitThroughProject() {
        LogicalPlan plan = analyzed(Limit.create(10, Project.create(List.of(column("a")), scan())));
        assertThatRule(new PushLimitThroughProject()).on(plan).firesAs("push-limit-through-project");
        assertThatRule(new PushLimitThroughProject()).on(plan).isSwitchedOffByConfig();
        assertThatRule(new PushLimitThroughProject()).on(analyzed(Limit.create(10, scan()))).doesNotFire();
    }

    @Test
    void theWholeOptimizerAndExcludedRules() {
        LogicalPlan plan = analyzed(Project.create(List.of(column("a")), Filter.create(
                new And(compare(CompareOperator.GREATER_THAN, column("a"), 5), Literal.TRUE), scan())));
        LogicalPlan optimized = new Optimizer(Set.of()).optimize(plan);
        // Once the scan reads only a, the project passes its input through and collapses away.
        assertThat(io.spindle.plan.logical.PlanText.normalizeIds(optimized.treeString())).isEqualTo(
                "Filter (a#1 > 5)\n"
                + "+- Scan parquet [a#1] pushed=[a > 5]\n");
        LogicalPlan withoutPushdown = new Optimizer(Set.of("PushFilterIntoScan", "PruneColumns")).optimize(plan);
        assertThat(io.spindle.plan.logical.PlanText.normalizeIds(withoutPushdown.treeString())).isEqualTo(
                "Project [a#1]\n"
                + "+- Filter (a#1 > 5)\n"
                + "   +- Scan parquet [a#1, b#2, c#3, d#4]\n");
        assertThat(Optimizer.ruleNames()).containsExactly("RewriteDistinctAggregates", "ConstantFolding",
                "SimplifyBooleanExpressions", "CombineFilters",
                "PushFilterThroughProject", "PushFilterThroughJoin", "PushFilterThroughAggregate",
                "PushFilterThroughUnion", "CombineLimits", "PushLimitThroughProject",
                "PushLimitThroughUnion", "CollapseProjects", "PruneColumns",
                "PushFilterIntoScan", "PushFilterIntoTableScan", "SelectTablePartitions");
    }
}
