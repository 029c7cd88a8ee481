package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.TableKind;
import io.spindle.plan.analysis.AnalysisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-facing catalog: DDL through {@code session.catalog()}, saveAsTable, and name
 * resolution in {@code session.table} (current database, qualified and back-quoted names, temp
 * views first, did-you-mean errors).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TableCatalogTest {
    private static final Schema EVENTS = Schema.of(Field.of("id", DataType.LONG), Field.of("kind", DataType.STRING),
            Field.of("region", DataType.STRING));

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("table-catalog");
    private static String database;

    @TempDir
    Path temp;

    @BeforeAll
    static void open() throws Exception {
        database = TableTestSupport.newDatabase(engine.session(), "catalog");
        events(0, 20).write().partitionBy("region").saveAsTable(database + ".events");
    }

    @Test
    void saveAsTableCreatesAPartitionedParquetTableTheMetastoreAndDuckDbAgreeOn() throws Exception {
        CatalogTable events = engine.session().catalog().getTable(database + ".events");

        assertThat(events.dataSchema().names()).containsExactly("id", "kind");
        assertThat(events.partitionSchema().names()).containsExactly("region");
        assertThat(events.format()).isEqualTo(StorageFormat.PARQUET);
        assertThat(events.kind()).isEqualTo(TableKind.MANAGED);
        assertThat(engine.session().catalog().listPartitions(database + ".events")).extracting(p -> p.name())
                .containsExactly("region=eu", "region=us");
        String files = TableTestSupport.duckDbFileList(engine.session().hadoopConf(),
                engine.session().catalog().listPartitions(database + ".events"));
        assertThat(engine.session().table(database + ".events").select("id", "kind", "region").orderBy("id")
                .collectAsList())
                .isEqualTo(engine.duckdb().query("SELECT id, kind, region FROM read_parquet(" + files
                        + ", hive_partitioning = true) ORDER BY id"))
                .isEqualTo(events(0, 20).orderBy("id").collectAsList());
        assertThatThrownBy(() -> events(0, 1).write().saveAsTable(database + ".events"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("already exists");
    }

    @Test
    void namesResolveInTheCurrentDatabaseQualifiedBackQuotedAndAfterTempViews() {
        long total = events(0, 20).count();
        assertThat(engine.session().table(database + ".events").count()).isEqualTo(total);
        assertThat(engine.session().table("`" + database + "`.`EVENTS`").count()).isEqualTo(total);
        String previous = engine.session().catalog().currentDatabase();
        engine.session().catalog().setCurrentDatabase(database);
        try {
            assertThat(engine.session().table("events").count()).isEqualTo(total);
            events(0, 3).createOrReplaceTempView("events");
            assertThat(engine.session().table("events").count()).isEqualTo(3); // the temp view shadows the table
            assertThat(engine.session().table(database + ".events").count())
                    .isEqualTo(total); // a qualified name never does
        } finally {
            engine.session().catalog().setCurrentDatabase(previous);
        }
    }

    @Test
    void unknownTablesDatabasesAndColumnsSuggestTheClosestNames() {
        assertThatThrownBy(() -> engine.session().table(database + ".evnts")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("Table or view not found: " + database + ".evnts")
                .hasMessageContaining("did you mean 'events'");
        assertThatThrownBy(() -> engine.session().table(database + "x.events")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("did you mean '" + database + "'");
        assertThatThrownBy(() -> engine.session().table(database + ".events").select("kinds"))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> engine.session().catalog().setCurrentDatabase(database + "_"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("did you mean '" + database + "'");
    }

    @Test
    void ddlCreatesListsAndDropsDatabasesAndTables() throws Exception {
        String scratch = TableTestSupport.newDatabase(engine.session(), "ddl");
        assertThat(engine.session().catalog().databaseExists(scratch)).isTrue();
        Path external = Files.createDirectories(temp.resolve("external"));
        engine.session().catalog().createTable(engine.session().catalog().newTable(scratch + ".orders").column("id",
                DataType.LONG)
                .column("total", DataType.decimal(10, 2)).partitionColumn("dt", DataType.DATE)
                .format(StorageFormat.ORC).property("owner", "nightly").build());
        engine.session().catalog().createTable(engine.session().catalog().newTable(scratch + ".raw").column("line",
                DataType.STRING)
                .location(external.toUri().toString()).external().build());

        assertThat(engine.session().catalog().listTables(scratch)).containsExactlyInAnyOrder("orders", "raw");
        assertThat(engine.session().catalog().tableExists(scratch + ".orders")).isTrue();
        CatalogTable orders = engine.session().catalog().getTable(scratch + ".orders");
        assertThat(orders.format()).isEqualTo(StorageFormat.ORC);
        assertThat(orders.properties()).containsEntry("owner", "nightly");
        assertThat(orders.location()).contains(scratch).endsWith("orders");
        CatalogTable raw = engine.session().catalog().getTable(scratch + ".raw");
        assertThat(raw.kind()).isEqualTo(TableKind.EXTERNAL);
        Files.writeString(external.resolve("kept.txt"), "x\n");

        engine.session().catalog().dropTable(scratch + ".raw");
        assertThat(engine.session().catalog().tableExists(scratch + ".raw")).isFalse();
        assertThat(external.resolve("kept.txt")).exists(); // an external table's files stay
        engine.session().catalog().dropDatabase(scratch, true, false);
        assertThat(engine.session().catalog().databaseExists(scratch)).isFalse();
    }

    @Test
    void aTextTableReadsOneRowPerLineUnderItsOwnColumnName() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("lines"));
        List<String> lines = List.of("first line", "", "third, with a comma");
        Files.write(directory.resolve("part-0.txt"), lines);
        engine.session().catalog().createTable(engine.session().catalog().newTable(database + ".lines").column("line",
                DataType.STRING)
                .format(StorageFormat.TEXT).location(directory.toUri().toString()).external().build());

        assertThat(engine.session().table(database + ".lines").collectAsList())
                .containsExactlyElementsOf(lines.stream().map(Row::of).toList());
    }

    @Test
    void orcTablesAreWrittenAndReadThroughTheCatalog() {
        String name = database + ".orc_events";
        Dataset data = events(100, 12);
        data.write().format("orc").partitionBy("region").saveAsTable(name);

        assertThat(engine.session().catalog().getTable(name).format()).isEqualTo(StorageFormat.ORC);
        assertThat(engine.session().table(name).where(col("region").equalTo("eu")).select("id", "kind", "region")
                .orderBy("id")
                .collectAsList()).isEqualTo(data.where(col("region").equalTo("eu")).orderBy("id").collectAsList());
    }

    @Test
    void unpartitionedTablesAppendAndOverwriteWithStatistics() throws Exception {
        String name = database + ".flat";
        events(0, 6).write().saveAsTable(name);
        events(6, 4).write().mode("append").insertInto(name);
        assertThat(engine.session().table(name).agg(count("*"), sum("id")).collectAsList())
                .containsExactly(Row.of(10L, 45L));
        assertThat(engine.session().catalog().tableStatistics(name).numRows()).isEqualTo(10);

        events(50, 3).write().mode("overwrite").insertInto(name);

        String location = engine.session().catalog().getTable(name).location();
        var files = TableTestSupport.dataFiles(engine.session().hadoopConf(), location);
        assertThat(engine.session().table(name).select("id").orderBy("id").collectAsList())
                .isEqualTo(engine.duckdb().query("SELECT id FROM read_parquet('"
                + new org.apache.hadoop.fs.Path(location).toUri()
                        .getPath() + "/*.parquet') ORDER BY id"))
                .containsExactly(Row.of(50L), Row.of(51L), Row.of(52L));
        assertThat(engine.session().catalog().tableStatistics(name)).isEqualTo(new PartitionStatistics(files.size(), 3,
                files.stream().mapToLong(f -> f.getLen()).sum()));
    }

    /** {@code count} events with ids from {@code firstId}; regions alternate eu / us. */
    private static Dataset events(long firstId, int count) {
        List<Row> rows = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            rows.add(Row.of(id, id % 3 == 0 ? "click" : "view", id % 2 == 0 ? "eu" : "us"));
        }
        return engine.session().createDataset(rows, EVENTS);
    }
}
