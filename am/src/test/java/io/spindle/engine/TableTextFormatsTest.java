package io.spindle.engine;

import static io.spindle.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.StorageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delimited-text and JSON tables through the same write and scan paths as Parquet: a partitioned
 * table write is one engine job (one commit job id in every file name) whose files land in the
 * partitions' {@code spindle-<writeId>} version directories, and what {@code session.table} reads
 * back is what DuckDB reads from the metastore's partition locations.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TableTextFormatsTest {
    private static final Schema PEOPLE = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING),
            Field.of("region", DataType.STRING));
    private static final Pattern PART_FILE = Pattern.compile("part-\\d{5}-(.+)-c\\d{3}\\.(csv|json)");

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("table-text-formats");
    private static String database;

    @BeforeAll
    static void open() throws Exception {
        database = TableTestSupport.newDatabase(engine.session(), "textformats");
    }

    @Test
    void csvTableIsWrittenInOneJobIntoVersionDirectoriesAndReadsBackAsDuckDbReadsIt() throws Exception {
        String table = database + ".people_csv";
        people(0, 30).write().partitionBy("region").format("csv").saveAsTable(table);

        assertThat(engine.session().catalog().getTable(table).format()).isEqualTo(StorageFormat.CSV);
        List<CatalogPartition> partitions = engine.session().catalog().listPartitions(table);
        assertThat(partitions).extracting(CatalogPartition::name).containsExactly("region=eu", "region=na", "region=us");
        assertOneJobAndOneVersion(partitions);
        List<Row> expected = peopleRows(0, 30);
        assertThat(engine.session().table(table).select("id", "name", "region").orderBy("id").collectAsList())
                .isEqualTo(expected)
                .isEqualTo(engine.duckdb().query("SELECT id, name, region FROM read_csv(" + files(partitions)
                        + ", delim = ',', header = false, nullstr = '\\N', hive_partitioning = true, "
                        + "columns = {'id': 'BIGINT', 'name': 'VARCHAR'}) ORDER BY id"));
    }

    @Test
    void jsonTableOverwriteReplacesOnlyTheTouchedPartitionAndReadsBackAsDuckDbReadsIt() throws Exception {
        String table = database + ".people_json";
        people(0, 30).write().partitionBy("region").format("json").saveAsTable(table);
        people(100, 4).where(col("region").equalTo("eu")).write().mode("overwrite").insertInto(table);

        List<CatalogPartition> partitions = engine.session().catalog().listPartitions(table);
        assertThat(partitions).extracting(CatalogPartition::name).containsExactly("region=eu", "region=na", "region=us");
        List<Row> expected = new ArrayList<>();
        for (Row row : peopleRows(0, 30)) {
            if (!row.get(2).equals("eu")) {
                expected.add(row);
            }
        }
        for (Row row : peopleRows(100, 4)) {
            if (row.get(2).equals("eu")) {
                expected.add(row);
            }
        }
        expected.sort((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0)));
        assertThat(engine.session().table(table).select("id", "name", "region").orderBy("id").collectAsList())
                .isEqualTo(expected)
                .isEqualTo(engine.duckdb().query("SELECT id, name, region FROM read_json(" + files(partitions)
                        + ", format = 'newline_delimited', hive_partitioning = true, "
                        + "columns = {'id': 'BIGINT', 'name': 'VARCHAR'}) ORDER BY id"));
    }

    /** Every file of the write carries the same commit job id, and every partition the same write id. */
    private static void assertOneJobAndOneVersion(List<CatalogPartition> partitions) {
        Set<String> jobIds = new TreeSet<>();
        Set<String> versions = new TreeSet<>();
        for (CatalogPartition partition : partitions) {
            versions.add(partition.location().substring(partition.location().lastIndexOf('/') + 1));
            for (FileStatus file : TableTestSupport.dataFiles(engine.session().hadoopConf(), partition.location())) {
                Matcher name = PART_FILE.matcher(file.getPath().getName());
                assertThat(name.matches()).as(file.getPath().getName()).isTrue();
                jobIds.add(name.group(1));
            }
        }
        assertThat(jobIds).hasSize(1);
        assertThat(versions).hasSize(1);
        assertThat(versions.iterator().next()).startsWith("spindle-");
    }

    private static String files(List<CatalogPartition> partitions) {
        List<String> files = new ArrayList<>();
        for (CatalogPartition partition : partitions) {
            for (FileStatus file : TableTestSupport.dataFiles(engine.session().hadoopConf(), partition.location())) {
                files.add("'" + file.getPath().toUri().getPath() + "'");
            }
        }
        return "[" + String.join(", ", files) + "]";
    }

    private static Dataset people(long firstId, int count) {
        return engine.session().createDataset(peopleRows(firstId, count), PEOPLE);
    }

    /** Names with a delimiter inside and nulls, three regions; in id order. */
    private static List<Row> peopleRows(long firstId, int count) {
        List<Row> rows = new ArrayList<>();
        String[] regions = {"eu", "na", "us"};
        for (long id = firstId; id < firstId + count; id++) {
            rows.add(Row.of(id, id % 7 == 0 ? null : "name " + id + (id % 5 == 0 ? ", jr" : ""),
                    regions[(int) (id % 3)]));
        }
        return rows;
    }
}
