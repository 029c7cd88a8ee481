package io.spindle.metastore.prune;

import io.spindle.formats.layout.PartitionPruner;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionValues;
import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.client.MetastoreFailures;
import io.spindle.metastore.hive.HiveTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Selects the partitions of a table that a predicate can match, asking the metastore for as little
 * as possible. The full partition list is never fetched for a filtered query:
 * <ol>
 *   <li>What {@link MetastoreFilter} can push goes to {@code listPartitionsByFilter} (one call),
 *       plus one {@code getNumPartitionsByFilter("")} for the total.
 *   <li>If nothing on partition columns can be pushed, or the metastore rejects the filter (an old
 *       or JDO-only metastore and an integer column), partition names are listed, the predicate
 *       evaluated on the values parsed from them, and only the survivors fetched by name, in batches.
 *   <li>Without a predicate on partition columns, all partitions are fetched by name in batches,
 *       which keeps each metastore response bounded.
 * </ol>
 * In every case the whole predicate is evaluated again on the returned partitions' values
 * ({@link PartitionPruner}, exact: each partition column holds one value), so a metastore that
 * returns a superset — the null partition for a string comparison — changes nothing.
 */
public final class PartitionSelector {
    /** Hive's own {@code hive.metastore.batch.retrieve.max} default. */
    public static final int DEFAULT_BATCH_SIZE = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionSelector.class);

    private final MetastoreCalls calls;
    private final int batchSize;

    public PartitionSelector(MetastoreCalls calls, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.calls = calls;
        this.batchSize = batchSize;
    }

    /** The partitions of {@code table} that {@code predicate} (over any of its columns) might match. */
    public PrunedPartitions select(CatalogTable table, Optional<Predicate> predicate) {
        TableName name = table.name();
        if (!table.isPartitioned()) {
            return new PrunedPartitions(name, List.of(), 0, PruningMethod.UNPARTITIONED, Optional.empty(),
                    Optional.empty());
        }
        if (predicate.isEmpty()) {
            return byNames(table, Optional.empty(), Optional.empty());
        }
        MetastoreFilter.Translation translation = MetastoreFilter.translate(predicate.get(), table.partitionSchema());
        Optional<String> residual = describe(translation.residual());
        if (translation.pushed().isPresent()) {
            String filter = translation.pushed().get();
            List<Partition> matching;
            try {
                matching = calls.listPartitionsByFilter(name.database(), name.table(), filter);
            } catch (MetaException e) {
                LOG.warn("The metastore could not evaluate the partition filter [{}] on {} ({}); listing partition "
                        + "names instead", filter, name, e.getMessage());
                return byNames(table, predicate, Optional.of(filter));
            } catch (TException e) {
                throw MetastoreFailures.failure("list the partitions of " + name + " matching " + filter, e);
            }
            int total = MetastoreFailures.call("count the partitions of " + name,
                    () -> calls.getNumPartitionsByFilter(name.database(), name.table(), ""));
            return new PrunedPartitions(name, matchingOnly(matching, table, predicate.get()), total,
                    PruningMethod.PUSHED_FILTER, Optional.of(filter), residual);
        }
        if (translation.residual().isEmpty()) {
            return byNames(table, Optional.empty(), Optional.empty()); // only data columns: nothing to prune by
        }
        return byNames(table, predicate, Optional.empty());
    }

    private PrunedPartitions byNames(CatalogTable table, Optional<Predicate> predicate, Optional<String> failedFilter) {
        TableName name = table.name();
        Schema schema = table.partitionSchema();
        List<String> names = MetastoreFailures.call("list the partition names of " + name,
                () -> calls.listPartitionNames(name.database(), name.table()));
        List<String> survivors = new ArrayList<>();
        for (String partitionName : names) {
            List<Object> values = PartitionValues.parseAll(PartitionNames.storedValues(partitionName, schema), schema);
            if (predicate.isEmpty() || PartitionPruner.mightMatch(predicate.get(), schema, values)) {
                survivors.add(partitionName);
            }
        }
        List<Partition> fetched = new ArrayList<>();
        for (int start = 0; start < survivors.size(); start += batchSize) {
            List<String> batch = survivors.subList(start, Math.min(survivors.size(), start + batchSize));
            fetched.addAll(MetastoreFailures.call("fetch " + batch.size() + " partitions of " + name + " by name",
                    () -> calls.getPartitionsByNames(name.database(), name.table(), batch)));
        }
        List<CatalogPartition> selected = predicate.isPresent()
                ? matchingOnly(fetched, table, predicate.get()) : convert(fetched, schema);
        PruningMethod method = predicate.isPresent() ? PruningMethod.NAMES_THEN_FETCH : PruningMethod.NO_PREDICATE;
        return new PrunedPartitions(name, selected, names.size(), method, failedFilter, predicate.map(Object::toString));
    }

    private static List<CatalogPartition> matchingOnly(List<Partition> partitions, CatalogTable table,
            Predicate predicate) {
        Schema schema = table.partitionSchema();
        return convert(partitions, schema).stream()
                .filter(partition -> PartitionPruner.mightMatch(predicate, schema, partition.values()))
                .collect(Collectors.toList());
    }

    private static List<CatalogPartition> convert(List<Partition> partitions, Schema schema) {
        List<CatalogPartition> converted = new ArrayList<>(partitions.size());
        for (Partition partition : partitions) {
            converted.add(HiveTables.toCatalogPartition(partition, schema));
        }
        converted.sort(Comparator.comparing(CatalogPartition::name));
        return converted;
    }

    private static Optional<String> describe(List<Predicate> residual) {
        if (residual.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(residual.stream().map(Object::toString).collect(Collectors.joining(" AND ")));
    }
}
