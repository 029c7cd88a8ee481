package io.spindle.plan.catalog;

import io.spindle.formats.predicate.Predicate;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.prune.PrunedPartitions;
import java.util.Optional;

/**
 * Where a table scan's partitions come from: the metastore, asked for the partitions a predicate
 * on partition columns can match (see {@code PartitionSelector}). Planning calls it once per
 * query, after the optimizer pushed the filters down.
 */
@FunctionalInterface
public interface TablePartitionSource {
    PrunedPartitions select(CatalogTable table, Optional<Predicate> partitionPredicate);
}
