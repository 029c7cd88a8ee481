package io.spindle.metastore;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metastore table in Spindle's terms: both what {@link HiveCatalog#table} resolves and what
 * {@link HiveCatalog#createTable} creates.
 *
 * @param dataSchema the columns stored in the files, in table order
 * @param partitionSchema the partition columns, in partition order (empty if unpartitioned)
 * @param location the table's directory; in a create, empty means the metastore's default
 *     ({@code <database location>/<table>})
 * @param properties the table's parameters (Hive's TBLPROPERTIES)
 * @param storageProperties the serde's parameters ({@code field.delim}, {@code serialization.null.format}, ...)
 */
public record CatalogTable(TableName name, Schema dataSchema, Schema partitionSchema, String location,
        StorageFormat format, TableKind kind, Map<String, String> properties, Map<String, String> storageProperties) {

    public CatalogTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(partitionSchema, "partitionSchema");
        location = location == null ? "" : location;
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        properties = Map.copyOf(properties);
        storageProperties = Map.copyOf(storageProperties);
        for (Field partition : partitionSchema.fields()) {
            if (dataSchema.contains(partition.name())) {
                throw new CatalogException(CatalogErrorCode.INVALID_NAME, "Column '" + partition.name() + "' of "
                        + name + " is both a data and a partition column");
            }
        }
    }

    public static Builder builder(TableName name) {
        return new Builder(name);
    }

    public boolean isPartitioned() {
        return partitionSchema.size() > 0;
    }

    /** Data columns, then partition columns: the schema a query over the table sees. */
    public Schema schema() {
        List<Field> all = new ArrayList<>(dataSchema.fields());
        all.addAll(partitionSchema.fields());
        return new Schema(all);
    }

    /**
     * The column with this name, ignoring case.
     *
     * @throws CatalogException {@link CatalogErrorCode#COLUMN_NOT_FOUND} with the closest names
     */
    public Field column(String columnName) {
        Schema all = schema();
        Optional<Integer> index = all.findIndex(columnName);
        if (index.isPresent()) {
            return all.field(index.get());
        }
        throw new CatalogException(CatalogErrorCode.COLUMN_NOT_FOUND, "Table " + name + " has no column '"
                + columnName + "'" + NameSuggestions.didYouMean(columnName, all.names()) + " Columns: " + all.names());
    }

    /** The delimiter of a {@link StorageFormat#CSV} or {@link StorageFormat#TEXT} table (Hive's default Ctrl-A). */
    public char fieldDelimiter() {
        String delimiter = storageProperties.getOrDefault("field.delim",
                storageProperties.getOrDefault("separatorChar", storageProperties.get("serialization.format")));
        return HiveStorageDelimiters.parse(delimiter);
    }

    /** Builds a table specification for {@link HiveCatalog#createTable}. */
    public static final class Builder {
        private final TableName name;
        private final List<Field> columns = new ArrayList<>();
        private final List<Field> partitionColumns = new ArrayList<>();
        private String location = "";
        private StorageFormat format = StorageFormat.PARQUET;
        private TableKind kind = TableKind.MANAGED;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> storageProperties = new LinkedHashMap<>();

        private Builder(TableName name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder column(String column, DataType type) {
            columns.add(Field.of(column, type));
            return this;
        }

        public Builder partitionColumn(String column, DataType type) {
            partitionColumns.add(Field.of(column, type));
            return this;
        }

        public Builder location(String value) {
            location = value;
            return this;
        }

        public Builder format(StorageFormat value) {
            format = value;
            return this;
        }

        public Builder external() {
            kind = TableKind.EXTERNAL;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder storageProperty(String key, String value) {
            storageProperties.put(key, value);
            return this;
        }

        public CatalogTable build() {
            return new CatalogTable(name, new Schema(columns), new Schema(partitionColumns), location, format, kind,
                    properties, storageProperties);
        }
    }
}
