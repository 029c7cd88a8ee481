package io.spindle.metastore.hive;

import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionValues;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.TableKind;
import io.spindle.metastore.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;

/** Converts the metastore's {@link Table} to a {@link CatalogTable} and back. */
public final class HiveTables {
    static final String MANAGED_TABLE = "MANAGED_TABLE";
    static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";
    private static final String EXTERNAL = "EXTERNAL";
    private static final String PURGE = "external.table.purge";
    private static final String TRANSLATED = "TRANSLATED_TO_EXTERNAL";

    private HiveTables() {}

    /**
     * Spindle's view of a metastore table.
     *
     * @throws CatalogException {@link CatalogErrorCode#UNSUPPORTED_TABLE} for views, ACID tables and
     *     tables of other storage handlers (Iceberg, HBase, ...), which Spindle would read wrongly;
     *     {@link CatalogErrorCode#UNSUPPORTED_TYPE} for a column of an unsupported type
     */
    public static CatalogTable toCatalogTable(Table table) {
        TableName name = TableName.of(table.getDbName(), table.getTableName());
        Map<String, String> parameters = table.getParameters() == null ? Map.of() : table.getParameters();
        rejectUnreadable(table, name, parameters);
        StorageDescriptor sd = table.getSd();
        Schema data = schema(sd.getCols(), name, "column");
        Schema partitions = schema(table.getPartitionKeys(), name, "partition column");
        StorageFormat format = HiveStorage.detect(sd, data, name);
        Map<String, String> storage = sd.getSerdeInfo() == null || sd.getSerdeInfo().getParameters() == null
                ? Map.of() : sd.getSerdeInfo().getParameters();
        return new CatalogTable(name, data, partitions, sd.getLocation(), format, kindOf(table, parameters),
                parameters, storage);
    }

    /** The metastore table for a {@link CatalogTable} specification (no location: the metastore's default). */
    public static Table toHiveTable(CatalogTable spec, String owner) {
        Table table = new Table();
        table.setDbName(spec.name().database());
        table.setTableName(spec.name().table());
        table.setOwner(owner);
        StorageDescriptor sd = HiveStorage.descriptor(spec.format(), spec.storageProperties());
        sd.setCols(fieldSchemas(spec.dataSchema()));
        if (!spec.location().isEmpty()) {
            sd.setLocation(spec.location());
        }
        sd.setCompressed(false);
        sd.setNumBuckets(-1);
        sd.setBucketCols(new ArrayList<>());
        sd.setSortCols(new ArrayList<>());
        sd.setParameters(new HashMap<>());
        table.setSd(sd);
        table.setPartitionKeys(fieldSchemas(spec.partitionSchema()));
        Map<String, String> parameters = new HashMap<>(spec.properties());
        if (spec.kind() == TableKind.EXTERNAL) {
            table.setTableType(EXTERNAL_TABLE);
            parameters.put(EXTERNAL, "TRUE");
        } else {
            table.setTableType(MANAGED_TABLE);
        }
        table.setParameters(parameters);
        return table;
    }

    /** Spindle's view of a metastore partition of a table with {@code partitionSchema}. */
    public static CatalogPartition toCatalogPartition(Partition partition, Schema partitionSchema) {
        List<String> stored = partition.getValues();
        String location = partition.getSd() == null ? "" : partition.getSd().getLocation();
        Map<String, String> parameters = partition.getParameters() == null ? Map.of() : partition.getParameters();
        return new CatalogPartition(PartitionNames.name(partitionSchema, stored), stored,
                PartitionValues.parseAll(stored, partitionSchema), location, parameters);
    }

    private static void rejectUnreadable(Table table, TableName name, Map<String, String> parameters) {
        String type = String.valueOf(table.getTableType());
        if (type.equals("VIRTUAL_VIEW") || type.equals("MATERIALIZED_VIEW")) {
            throw unsupported(name, "is a view (" + type + "); Spindle reads tables only");
        }
        if ("true".equalsIgnoreCase(parameters.get("transactional"))) {
            throw unsupported(name, "is a transactional (ACID) table, whose delta directories Spindle cannot read; "
                    + "compact it into a non-transactional copy first");
        }
        String handler = parameters.get("storage_handler");
        if (handler != null && !handler.isEmpty()) {
            throw unsupported(name, "is stored by the storage handler " + handler + ", which Spindle cannot read");
        }
        String tableType = parameters.get("table_type");
        if (tableType != null && !tableType.isEmpty()) {
            throw unsupported(name, "is a " + tableType + " table, which Spindle cannot read");
        }
        if (table.getSd() == null) {
            throw unsupported(name, "has no storage descriptor");
        }
    }

    private static TableKind kindOf(Table table, Map<String, String> parameters) {
        if (MANAGED_TABLE.equals(table.getTableType())) {
            return TableKind.MANAGED;
        }
        boolean translatedManaged = "true".equalsIgnoreCase(parameters.get(TRANSLATED))
                && "true".equalsIgnoreCase(parameters.get(PURGE));
        return translatedManaged ? TableKind.MANAGED : TableKind.EXTERNAL;
    }

    private static Schema schema(List<FieldSchema> columns, TableName table, String what) {
        List<Field> fields = new ArrayList<>();
        if (columns != null) {
            for (FieldSchema column : columns) {
                String where = what + " '" + column.getName() + "' of " + table;
                fields.add(Field.of(column.getName().toLowerCase(Locale.ROOT), HiveTypes.toSpindle(column.getType(), where)));
            }
        }
        return new Schema(fields);
    }

    private static List<FieldSchema> fieldSchemas(Schema schema) {
        List<FieldSchema> columns = new ArrayList<>();
        for (Field field : schema.fields()) {
            columns.add(new FieldSchema(field.name().toLowerCase(Locale.ROOT), HiveTypes.toHive(field.type()), null));
        }
        return columns;
    }

    private static CatalogException unsupported(TableName name, String why) {
        return new CatalogException(CatalogErrorCode.UNSUPPORTED_TABLE, "Table " + name + " " + why);
    }
}
