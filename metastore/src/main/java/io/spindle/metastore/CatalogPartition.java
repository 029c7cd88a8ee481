package io.spindle.metastore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One partition of a table, as the metastore has it.
 *
 * @param name the metastore's name, {@code dt=2026-01-01/hour=3}
 * @param storedValues the values as stored (strings; {@code __HIVE_DEFAULT_PARTITION__} for null)
 * @param values the typed values in the table's partition schema (null for null)
 * @param location where the partition's files are
 * @param parameters the partition's parameters, statistics among them
 */
public record CatalogPartition(String name, List<String> storedValues, List<Object> values, String location,
        Map<String, String> parameters) {
    public CatalogPartition {
        storedValues = List.copyOf(storedValues);
        values = Collections.unmodifiableList(new ArrayList<>(values)); // values may hold nulls
        parameters = Map.copyOf(parameters);
    }

    public PartitionStatistics statistics() {
        return PartitionStatistics.fromParameters(parameters);
    }
}
