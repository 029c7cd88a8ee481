package io.spindle.plan.optimizer;

import io.spindle.formats.predicate.Predicate;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.TableScan;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a filter directly above a metastore table scan into what the metastore can use to select
 * partitions (the condition's consequences on partition columns) and what the file readers can
 * use to skip data (its consequences on data columns).
 *
 * <pre>
 * Filter (dt &gt;= '2026-10-01') AND (v &gt; 5)        Filter (dt &gt;= '2026-10-01') AND (v &gt; 5)
 *   +- TableScan db.t [v, dt]             ==&gt;     +- TableScan db.t [v, dt] pushed=[v &gt; 5]
 *                                                         partitionFilter=[dt &gt;= 2026-10-01]
 * </pre>
 *
 * Each half may be weaker than the condition (an OR across a data and a partition column
 * translates to nothing), never stronger, so selecting partitions with it is safe. The filter stays.
 */
public final class PushFilterIntoTableScan implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof TableScan scan)) {
            return Optional.empty();
        }
        Map<ColumnRef, String> dataColumns = new HashMap<>();
        Map<ColumnRef, String> partitionColumns = new HashMap<>();
        for (ColumnRef column : scan.output()) {
            String name = scan.table().column(column.name()).name();
            (scan.isPartitionColumn(column) ? partitionColumns : dataColumns).put(column, name);
        }
        Predicate files = dataColumns.isEmpty() ? null
                : PredicateTranslator.translate(filter.condition(), dataColumns).orElse(null);
        Predicate partitions = partitionColumns.isEmpty() ? null
                : PredicateTranslator.translate(filter.condition(), partitionColumns).orElse(null);
        files = combine(scan.filePredicate(), files);
        partitions = combine(scan.partitionPredicate(), partitions);
        if (Objects.equals(files, scan.filePredicate()) && Objects.equals(partitions, scan.partitionPredicate())) {
            return Optional.empty();
        }
        return Optional.of(Filter.create(filter.condition(), scan.withPredicates(files, partitions)));
    }

    /** Two filters stacked on one scan both apply; the same predicate pushed again adds nothing. */
    private static Predicate combine(Predicate existing, Predicate added) {
        if (existing == null || added == null || existing.equals(added)) {
            return added == null ? existing : added;
        }
        return Predicate.and(existing, added);
    }
}
