package io.spindle.formats.layout;

import io.spindle.formats.predicate.ColumnEvidence;
import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.predicate.PredicateEvaluator;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from a partition's directory values alone whether any of its rows can satisfy a filter,
 * so that pruned partitions are never listed further or opened.
 *
 * <p>A partition is one "unit of data" whose partition columns each hold a single value, so the
 * predicate is decided by {@link PredicateEvaluator} with exact evidence: min = max = the value
 * and that value as the only distinct one (or all-null for the default partition). Columns that
 * are not partition columns are unknown and can only answer "might match": {@code a = 1 AND x > 5}
 * prunes the partitions where a ≠ 1, and {@code a = 1 OR x > 5} prunes nothing. SQL's three-valued
 * logic holds: a comparison with a null partition value is not true, so {@code a <> 1} prunes the
 * default partition too, as a row filter would drop all its rows.
 */
public final class PartitionPruner {
    private PartitionPruner() {}

    /**
     * False only when no row of a partition with these values can satisfy {@code filter}.
     *
     * @param partitionSchema the known partition columns; during a directory walk, a prefix of them
     * @param values one value per column of {@code partitionSchema}, null for null
     */
    public static boolean mightMatch(Predicate filter, Schema partitionSchema, List<Object> values) {
        return PredicateEvaluator.mightMatch(filter, new PartitionEvidence(partitionSchema, values));
    }

    /** The layout with only the partitions that might hold matching rows. */
    public static TableLayout prune(TableLayout layout, Predicate filter) {
        List<PartitionDirectory> kept = new ArrayList<>();
        for (PartitionDirectory partition : layout.partitions()) {
            if (mightMatch(filter, layout.partitionSchema(), partition.values())) {
                kept.add(partition);
            }
        }
        return layout.withPartitions(kept);
    }

    /** A partition seen as one row group in which each partition column is constant. */
    private record PartitionEvidence(Schema schema, List<Object> values) implements ColumnEvidence {
        /** Rows of the "unit"; any positive count works since every row has the same values. */
        private static final long ROWS = 1;

        @Override
        public ColumnStatistics statistics(String column) {
            Optional<Integer> index = schema.findIndex(column);
            if (index.isEmpty()) {
                // Not a partition column: nothing is known, and the type is irrelevant to "unknown".
                return ColumnStatistics.unknown(DataType.STRING, ROWS);
            }
            DataType type = schema.field(index.get()).type();
            Object value = values.get(index.get());
            if (value == null) {
                return ColumnStatistics.allNull(type, ROWS);
            }
            return new ColumnStatistics(type, value, value, 0, ROWS, true);
        }

        @Override
        public Optional<List<Object>> distinctValues(String column) {
            Optional<Integer> index = schema.findIndex(column);
            if (index.isEmpty() || values.get(index.get()) == null) {
                return Optional.empty();
            }
            return Optional.of(List.of(values.get(index.get())));
        }
    }
}
