package io.spindle.plan.logical;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.plan.catalog.TablePartitionSource;
import io.spindle.plan.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A metastore table: its data columns read from the files of the selected partitions, its
 * partition columns taken from each partition's values.
 *
 * @param output the columns read (data and partition columns, a subset once columns are pruned)
 * @param filePredicate (nullable) the advisory predicate on data columns handed to the file readers
 * @param partitionPredicate (nullable) what the filters above say about partition columns; the
 *     metastore selects partitions with it
 * @param partitions (nullable) the selected partitions, once planning has asked the metastore
 *     ({@code SelectTablePartitions}); null before that and for unpartitioned tables
 */
public record TableScan(CatalogTable table, List<ColumnRef> output, Predicate filePredicate,
        Predicate partitionPredicate, PrunedPartitions partitions, TablePartitionSource source) implements LeafPlan {

    public TableScan {
        Objects.requireNonNull(table, "table");
        output = List.copyOf(output);
        Objects.requireNonNull(source, "source");
    }

    /** A scan of every column of the table, data columns first, with fresh column ids. */
    public static TableScan create(CatalogTable table, TablePartitionSource source) {
        List<ColumnRef> output = new ArrayList<>();
        for (Field field : table.schema().fields()) {
            output.add(ColumnRef.create(field.name(), field.type(), true));
        }
        return new TableScan(table, output, null, null, null, source);
    }

    public boolean isPartitionColumn(ColumnRef column) {
        return table.partitionSchema().contains(column.name());
    }

    /** The data columns read, under their file names: what the file readers are asked for. */
    public Schema requiredDataSchema() {
        List<Field> fields = new ArrayList<>();
        for (ColumnRef column : output) {
            if (!isPartitionColumn(column)) {
                fields.add(table.dataSchema().field(column.name()));
            }
        }
        return new Schema(fields);
    }

    public Optional<PrunedPartitions> selectedPartitions() {
        return Optional.ofNullable(partitions);
    }

    public TableScan withOutput(List<ColumnRef> columns) {
        return new TableScan(table, columns, filePredicate, partitionPredicate, partitions, source);
    }

    public TableScan withPredicates(Predicate files, Predicate partitionColumns) {
        return new TableScan(table, output, files, partitionColumns, partitions, source);
    }

    public TableScan withPartitions(PrunedPartitions selected) {
        return new TableScan(table, output, filePredicate, partitionPredicate, selected, source);
    }

    @Override
    public String nodeString() {
        StringBuilder text = new StringBuilder("TableScan ").append(table.name()).append(' ')
                .append(table.format().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(PlanText.list(output));
        if (filePredicate != null) {
            text.append(" pushed=[").append(filePredicate).append(']');
        }
        if (partitionPredicate != null) {
            text.append(" partitionFilter=[").append(partitionPredicate).append(']');
        }
        if (partitions != null) {
            text.append(", ").append(partitions.explain());
        }
        return text.toString();
    }
}
