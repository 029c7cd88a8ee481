package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RuleTester.assertThatRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.TableName;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.metastore.prune.PruningMethod;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.catalog.TablePartitionSource;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.TableScan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The table-scan rules with a hand-written partition source that records what the metastore would
 * be asked: filters split between files and partitions, partitions selected once with the pushed
 * predicate.
 */
class TableScanRulesTest {
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final CatalogTable SALES = CatalogTable.builder(TableName.of("dw", "sales"))
            .column("v", DataType.LONG).partitionColumn("dt", DataType.DATE).build();

    private final List<Optional<Predicate>> asked = new ArrayList<>();
    private final TablePartitionSource source = (table, predicate) -> {
        asked.add(predicate);
        CatalogPartition october = new CatalogPartition("dt=2026-10-01", List.of("2026-10-01"), List.of(OCTOBER),
                "/warehouse/dw.db/sales/dt=2026-10-01/spindle-1", Map.of());
        return new PrunedPartitions(table.name(), List.of(october), 365, PruningMethod.PUSHED_FILTER,
                Optional.of("dt >= '2026-10-01'"), Optional.empty());
    };

    private LogicalPlan filtered(Expression condition) {
        return new Analyzer().analyze(Filter.create(condition, TableScan.create(SALES, source)));
    }

    private static Expression compare(CompareOperator operator, String column, Object value) {
        return new Comparison(operator, new UnresolvedColumn(column), Literal.of(value));
    }

    @Test
    void aFilterIsSplitIntoAFilePredicateAndAPartitionPredicate() {
        LogicalPlan plan = filtered(new And(compare(CompareOperator.GREATER_THAN_OR_EQUAL, "dt", OCTOBER),
                compare(CompareOperator.GREATER_THAN, "v", 5L)));

        LogicalPlan pushed = assertThatRule(new PushFilterIntoTableScan()).on(plan).firesAs("push-filter-into-table-scan");

        TableScan scan = (TableScan) pushed.child();
        assertThat(scan.filePredicate()).isEqualTo(Predicate.greaterThan("v", 5L));
        assertThat(scan.partitionPredicate()).isEqualTo(Predicate.greaterThanOrEqual("dt", OCTOBER));
        assertThatRule(new PushFilterIntoTableScan()).on(pushed).doesNotFire();
        assertThatRule(new PushFilterIntoTableScan()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void aConditionMixingDataAndPartitionColumnsUnderOrPushesNothing() {
        LogicalPlan plan = filtered(new Or(compare(CompareOperator.EQUAL, "dt", OCTOBER),
                compare(CompareOperator.GREATER_THAN, "v", 5L)));

        assertThatRule(new PushFilterIntoTableScan()).on(plan).doesNotFire();
    }

    @Test
    void partitionsAreSelectedOnceWithThePushedPredicate() {
        LogicalPlan pushed = Optimizer.applyEverywhere(new PushFilterIntoTableScan(),
                filtered(compare(CompareOperator.GREATER_THAN_OR_EQUAL, "dt", OCTOBER)));

        LogicalPlan selected = assertThatRule(new SelectTablePartitions()).on(pushed).firesAs("select-table-partitions");

        assertThat(asked).containsExactly(Optional.of(Predicate.greaterThanOrEqual("dt", OCTOBER)));
        assertThat(((TableScan) selected.child()).partitions().partitions()).hasSize(1);
        assertThatRule(new SelectTablePartitions()).on(selected).doesNotFire();
        assertThat(asked).hasSize(1);
        assertThatRule(new SelectTablePartitions()).on(pushed).isSwitchedOffByConfig();
    }

    @Test
    void anUnpartitionedTableNeedsNoSelection() {
        CatalogTable flat = CatalogTable.builder(TableName.of("dw", "flat")).column("v", DataType.LONG).build();
        assertThatRule(new SelectTablePartitions()).on(TableScan.create(flat, source)).doesNotFire();
        assertThat(asked).isEmpty();
    }
}
