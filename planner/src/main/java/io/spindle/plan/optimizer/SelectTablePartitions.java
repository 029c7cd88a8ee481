package io.spindle.plan.optimizer;

import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.TableScan;
import java.util.Optional;

/**
 * Asks the metastore which partitions of a partitioned table scan the query needs, with the
 * partition predicate {@link PushFilterIntoTableScan} pushed, so the optimized plan (and explain)
 * shows "partitions: N of M" and physical planning lists only the selected partitions' files.
 *
 * <pre>
 * TableScan db.t [v, dt] partitionFilter=[dt &gt;= 2026-10-01]
 *   ==&gt;  TableScan db.t [v, dt] partitionFilter=[...], partitions: 30 of 365 (metastore filter: ...)
 * </pre>
 *
 * Runs once, after every filter is pushed: the metastore is asked once per query. When this rule
 * is switched off, physical planning selects partitions itself, without a predicate.
 */
public final class SelectTablePartitions implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof TableScan scan) || !scan.table().isPartitioned() || scan.partitions() != null) {
            return Optional.empty();
        }
        return Optional.of(scan.withPartitions(scan.source().select(scan.table(),
                Optional.ofNullable(scan.partitionPredicate()))));
    }
}
