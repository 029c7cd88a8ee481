package io.spindle.metastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.hive.HiveTables;
import io.spindle.metastore.testing.SharedMetastore;
import java.nio.file.Files;
import java.nio.file.Path;


import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution and DDL against the real (embedded) metastore. */
class CatalogResolutionTest {
    private static HiveCatalog catalog;
    private static String database;

    @BeforeAll
    static void createDatabase() {
        catalog = SharedMetastore.catalog();
        database = SharedMetastore.newDatabase("resolution");
    }

    @Test
    void managedPartitionedParquetTableResolvesToSpindleTypes() {
        CatalogTable created = catalog.createTable(CatalogTable.builder(TableName.of(database, "events"))
                .column("id", DataType.LONG).column("amount", DataType.decimal(12, 2)).column("payload", DataType.BINARY)
                .partitionColumn("dt", DataType.DATE).partitionColumn("region", DataType.STRING)
                .property("owner.team", "etl").build(), false);

        CatalogTable resolved = catalog.table(database + ".events");
        assertThat(resolved).isEqualTo(created);
        assertThat(resolved.dataSchema()).isEqualTo(Schema.of(Field.of("id", DataType.LONG),
                Field.of("amount", DataType.decimal(12, 2)), Field.of("payload", DataType.BINARY)));
        assertThat(resolved.partitionSchema()).isEqualTo(Schema.of(Field.of("dt", DataType.DATE),
                Field.of("region", DataType.STRING)));
        assertThat(resolved.format()).isEqualTo(StorageFormat.PARQUET);
        assertThat(resolved.kind()).isEqualTo(TableKind.MANAGED);
        assertThat(resolved.location()).endsWith("/" + database + ".db/events");
        assertThat(resolved.properties()).containsEntry("owner.team", "etl");
        assertThat(catalog.tableExists(TableName.of(database, "events"))).isTrue();
    }

    @Test
    void externalOrcTableKeepsItsLocationAndProperties(@TempDir Path directory) {
        String location = directory.resolve("clicks").toUri().toString();
        CatalogTable resolved = catalog.createTable(CatalogTable.builder(TableName.of(database, "clicks"))
                .column("url", DataType.STRING).format(StorageFormat.ORC).external().location(location)
                .property("orc.compress", "ZSTD").build(), false);
        assertThat(resolved.kind()).isEqualTo(TableKind.EXTERNAL);
        assertThat(resolved.format()).isEqualTo(StorageFormat.ORC);
        assertThat(resolved.location()).isEqualTo("file:" + directory.resolve("clicks"));
        assertThat(resolved.properties()).containsEntry("orc.compress", "ZSTD");

        catalog.dropTable(resolved.name(), false, false);
        assertThat(catalog.tableExists(resolved.name())).isFalse();
        assertThat(Files.exists(directory.resolve("clicks"))).as("external data stays").isTrue();
    }

    @Test
    void csvTableCarriesItsDelimiter() {
        CatalogTable resolved = catalog.createTable(CatalogTable.builder(TableName.of(database, "raw_csv"))
                .column("a", DataType.INT).column("b", DataType.STRING).format(StorageFormat.CSV)
                .storageProperty("field.delim", "|").build(), false);
        assertThat(resolved.format()).isEqualTo(StorageFormat.CSV);
        assertThat(resolved.fieldDelimiter()).isEqualTo('|');
    }

    @Test
    void unqualifiedNamesResolveInTheCurrentDatabaseAndQuotedNamesToo() {
        catalog.createTable(CatalogTable.builder(TableName.of(database, "users")).column("id", DataType.LONG).build(),
                false);
        HiveCatalog session = catalog.withCalls(calls -> calls);
        session.setCurrentDatabase(database);
        assertThat(session.table("users").name()).isEqualTo(TableName.of(database, "users"));
        assertThat(session.table("`" + database + "`.`USERS`").name()).isEqualTo(TableName.of(database, "users"));
    }

    @Test
    void unknownNamesSuggestTheClosestOnes() {
        catalog.createTable(CatalogTable.builder(TableName.of(database, "orders")).column("order_id", DataType.LONG)
                .partitionColumn("order_date", DataType.DATE).build(), false);
        assertThatThrownBy(() -> catalog.table(database + ".ordres"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("Table " + database + ".ordres not found")
                .hasMessageContaining("did you mean 'orders'")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.TABLE_NOT_FOUND));
        String misspelt = database.replace("resolution", "resolutoin");
        assertThatThrownBy(() -> catalog.table(misspelt + ".orders"))
                .hasMessageContaining("Database " + misspelt + " not found")
                .hasMessageContaining("did you mean '" + database + "'")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.DATABASE_NOT_FOUND));
        assertThatThrownBy(() -> catalog.table(database + ".orders").column("order_dat"))
                .hasMessageContaining("no column 'order_dat'").hasMessageContaining("did you mean 'order_date'")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.COLUMN_NOT_FOUND));
        assertThat(catalog.table(database + ".orders").column("ORDER_ID").type()).isEqualTo(DataType.LONG);
    }

    @Test
    void tablesWithUnsupportedColumnsFailNamingColumnAndType() throws Exception {
        Table hive = HiveTables.toHiveTable(CatalogTable.builder(TableName.of(database, "nested"))
                .column("id", DataType.LONG).build(), "test");
        hive.getSd().getCols().add(new FieldSchema("tags", "map<string,int>", null));
        rawCalls().createTable(hive);
        assertThatThrownBy(() -> catalog.table(database + ".nested"))
                .hasMessageContaining("column 'tags' of " + database + ".nested")
                .hasMessageContaining("map<string,int>")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.UNSUPPORTED_TYPE));
    }

    @Test
    void viewsAreRefused() throws Exception {
        Table view = HiveTables.toHiveTable(CatalogTable.builder(TableName.of(database, "v"))
                .column("id", DataType.LONG).build(), "test");
        view.setTableType("VIRTUAL_VIEW");
        view.setViewOriginalText("select 1");
        view.setViewExpandedText("select 1");
        view.getSd().setLocation(null);
        rawCalls().createTable(view);
        assertThatThrownBy(() -> catalog.table(database + ".v")).hasMessageContaining("is a view");
    }

    @Test
    void createExistingAndDropMissingAreReported() {
        CatalogTable spec = CatalogTable.builder(TableName.of(database, "twice")).column("id", DataType.LONG).build();
        catalog.createTable(spec, false);
        assertThatThrownBy(() -> catalog.createTable(spec, false))
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.ALREADY_EXISTS));
        assertThat(catalog.createTable(spec, true)).isEqualTo(catalog.table(spec.name()));
        catalog.dropTable(spec.name(), true, false);
        catalog.dropTable(spec.name(), true, true);
        assertThatThrownBy(() -> catalog.dropTable(spec.name(), true, false))
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.TABLE_NOT_FOUND));
    }

    @Test
    void databasesAreCreatedAndDroppedWithTheirTables() {
        String scratch = SharedMetastore.newDatabase("scratch");
        catalog.createTable(CatalogTable.builder(TableName.of(scratch, "t")).column("id", DataType.LONG).build(), false);
        assertThat(catalog.tables(scratch)).containsExactly("t");
        catalog.dropDatabase(scratch, true, false);
        assertThat(catalog.databases()).doesNotContain(scratch);
        catalog.dropDatabase(scratch, true, true);
        assertThat(catalog.databases()).contains(database, "default");
    }

    private static MetastoreCalls rawCalls() {
        AtomicReference<MetastoreCalls> raw = new AtomicReference<>();
        catalog.withCalls(calls -> {
            raw.set(calls);
            return calls;
        });
        return raw.get();
    }

}
