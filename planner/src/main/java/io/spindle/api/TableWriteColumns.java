package io.spindle.api;

import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.NameSuggestions;
import io.spindle.metastore.PartitionValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines a Dataset up with a table for an insert: columns matched by name (ignoring case), cast to
 * the table's types, in table order; static partition values typed; the dynamic partition columns
 * (partition columns without a static value) taken from the data.
 */
final class TableWriteColumns {
    private final CatalogTable table;
    private final Dataset aligned;
    private final Map<String, Object> staticValues;
    private final List<Field> dynamicColumns = new ArrayList<>();

    private TableWriteColumns(CatalogTable table, Dataset aligned, Map<String, Object> staticValues) {
        this.table = table;
        this.aligned = aligned;
        this.staticValues = staticValues;
        for (Field field : table.partitionSchema().fields()) {
            if (!staticValues.containsKey(field.name())) {
                dynamicColumns.add(field);
            }
        }
    }

    static TableWriteColumns align(Dataset data, CatalogTable table, Map<String, Object> staticPartitions) {
        Map<String, Object> staticValues = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : staticPartitions.entrySet()) {
            Optional<Integer> index = table.partitionSchema().findIndex(entry.getKey());
            if (index.isEmpty()) {
                throw invalid(table, "partition(\"" + entry.getKey() + "\", ...) names no partition column"
                        + NameSuggestions.didYouMean(entry.getKey(), table.partitionSchema().names())
                        + " Partition columns: " + table.partitionSchema().names());
            }
            Field field = table.partitionSchema().field(index.get());
            Object value = entry.getValue() instanceof String text
                    ? PartitionValues.parse(text, field.type(), field.name()) : entry.getValue();
            staticValues.put(field.name(), value);
        }
        Schema dataSchema = data.schema();
        List<Column> columns = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Field target : table.schema().fields()) {
            Optional<Integer> index = dataSchema.findIndex(target.name());
            if (staticValues.containsKey(target.name())) {
                if (index.isPresent()) {
                    throw invalid(table, "column '" + target.name() + "' has a static value from .partition(); drop it "
                            + "from the data, or leave out .partition() to take the values from the data");
                }
                continue;
            }
            if (index.isEmpty()) {
                throw invalid(table, "the data has no column '" + target.name() + "'"
                        + NameSuggestions.didYouMean(target.name(), dataSchema.names()) + " The data's columns: "
                        + dataSchema.names() + "; the table's: " + table.schema().names());
            }
            Field source = dataSchema.field(index.get());
            used.add(source.name());
            Column column = data.col(source.name());
            columns.add((source.type().equals(target.type()) ? column : column.cast(target.type())).as(target.name()));
        }
        for (String name : dataSchema.names()) {
            if (!used.contains(name) && !staticValues.containsKey(name.toLowerCase(java.util.Locale.ROOT))) {
                throw invalid(table, "the data's column '" + name + "' is not a column of the table"
                        + NameSuggestions.didYouMean(name, table.schema().names()) + " The table's columns: "
                        + table.schema().names());
            }
        }
        return new TableWriteColumns(table, data.select(columns.toArray(Column[]::new)), staticValues);
    }

    /** The data with the table's column names and types: data columns, then dynamic partition columns. */
    Dataset aligned() {
        return aligned;
    }

    Map<String, Object> staticValues() {
        return staticValues;
    }

    List<Field> dynamicColumns() {
        return dynamicColumns;
    }

    /** The partitions the data has rows for, as full value lists in partition-column order. */
    List<List<Object>> partitions() {
        if (dynamicColumns.isEmpty()) {
            return List.of(values(List.of()));
        }
        Column[] dynamic = dynamicColumns.stream().map(field -> aligned.col(field.name())).toArray(Column[]::new);
        List<List<Object>> partitions = new ArrayList<>();
        for (Row row : aligned.select(dynamic).distinct().collectAsList()) {
            partitions.add(values(row.toList()));
        }
        return partitions;
    }

    /** The data columns only: what goes into the files of a partition whose values are all static. */
    Dataset dataRows() {
        return aligned.select(table.dataSchema().names().toArray(String[]::new));
    }

    /**
     * Data columns, then every partition column in table order, static ones as constants: what a
     * partitioned write splits into {@code column=value} directories.
     */
    Dataset partitionedRows() {
        List<Column> columns = new ArrayList<>();
        for (String name : table.dataSchema().names()) {
            columns.add(aligned.col(name));
        }
        for (Field field : table.partitionSchema().fields()) {
            columns.add(staticValues.containsKey(field.name())
                    ? new Column(new io.spindle.plan.expr.Literal(staticValues.get(field.name()), field.type()))
                            .as(field.name())
                    : aligned.col(field.name()));
        }
        return aligned.select(columns.toArray(Column[]::new));
    }

    private List<Object> values(List<Object> dynamicValues) {
        List<Object> values = new ArrayList<>();
        int dynamic = 0;
        for (Field field : table.partitionSchema().fields()) {
            values.add(staticValues.containsKey(field.name()) ? staticValues.get(field.name())
                    : dynamicValues.get(dynamic++));
        }
        return values;
    }

    private static CatalogException invalid(CatalogTable table, String why) {
        return new CatalogException(CatalogErrorCode.INVALID_WRITE, "Cannot insert into " + table.name() + ": " + why);
    }
}
