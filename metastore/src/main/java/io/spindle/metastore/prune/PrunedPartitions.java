package io.spindle.metastore.prune;

import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.TableName;
import java.util.List;
import java.util.Optional;

/**
 * The partitions of a table a query must read.
 *
 * @param partitions the selected partitions, in the metastore's name order
 * @param totalPartitionCount how many partitions the table has
 * @param metastoreFilter the filter the metastore evaluated, if any
 * @param residual what Spindle evaluated on partition values itself, if anything
 */
public record PrunedPartitions(TableName table, List<CatalogPartition> partitions, int totalPartitionCount,
        PruningMethod method, Optional<String> metastoreFilter, Optional<String> residual) {

    public PrunedPartitions {
        partitions = List.copyOf(partitions);
    }

    /** {@code partitions: 30 of 365 (metastore filter: dt >= '2026-10-01')}. */
    public String explain() {
        String counts = "partitions: " + partitions.size() + " of " + totalPartitionCount;
        switch (method) {
            case PUSHED_FILTER:
                return counts + " (metastore filter: " + metastoreFilter.orElse("") + residual.map(
                        r -> "; then on partition values: " + r).orElse("") + ")";
            case NAMES_THEN_FETCH:
                return counts + " (" + residual.orElse("") + " evaluated on " + totalPartitionCount
                        + " partition names" + metastoreFilter.map(f -> " after the metastore failed on " + f).orElse("")
                        + "; " + partitions.size() + " fetched by name)";
            case NO_PREDICATE:
                return counts + " (no predicate on partition columns)";
            case UNPARTITIONED:
                return "unpartitioned table " + table;
        }
        throw new AssertionError(method);
    }
}
