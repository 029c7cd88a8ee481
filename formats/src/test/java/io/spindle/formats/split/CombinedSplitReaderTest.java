package io.spindle.formats.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.BatchReader;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.layout.CountingFileSystem;
import io.spindle.formats.layout.PartitionDiscovery;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading partitioned Parquet through discovery, planning and the combined-split reader, counting every open. */
class CombinedSplitReaderTest {
    private static final ParquetFileFormat PARQUET = new ParquetFileFormat();
    private static final Schema DATA = Schema.of(Field.of("v", DataType.LONG));
    private static final Schema PARTITIONS = Schema.of(Field.of("p", DataType.INT));
    /** The partition column between two copies of the data column: partition columns may sit anywhere. */
    private static final Schema REQUIRED = Schema.of(Field.of("v", DataType.LONG), Field.of("p", DataType.INT),
            Field.of("v2", DataType.LONG));

    @TempDir
    java.nio.file.Path dir;

    private Configuration conf;
    private CountingFileSystem fs;

    @BeforeEach
    void setUp() throws Exception {
        for (String p : List.of("1", "2", "3", "__HIVE_DEFAULT_PARTITION__")) {
            java.nio.file.Path partition = dir.resolve("t/p=" + p);
            Files.createDirectories(partition);
            long base = p.startsWith("_") ? 900 : Long.parseLong(p) * 100;
            TestTables.write(PARQUET, partition.resolve("part-0.parquet"),
                    TestTables.batchOf(DATA, List.of(List.of(base), List.of(base + 1))), WriteOptions.defaults());
        }
        conf = CountingFileSystem.configuration();
        fs = CountingFileSystem.get(conf);
        fs.resetCounts();
    }

    @Test
    void prunedPartitionsAreNeverOpenedAndPartitionValuesBecomeColumns() throws Exception {
        Predicate filter = Predicate.and(Predicate.greaterThanOrEqual("p", 2), Predicate.greaterThan("v", 0L));
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()
                .withPartitionSchema(PARTITIONS)).discover(CountingFileSystem.path(dir.resolve("t")), Optional.of(filter));

        List<List<Object>> rows = readAll(layout, Schema.of(Field.of("v", DataType.LONG), Field.of("p", DataType.INT)),
                Optional.of(filter));

        assertThat(rows).containsExactlyInAnyOrder(List.of(200L, 2), List.of(201L, 2), List.of(300L, 3),
                List.of(301L, 3));
        assertThat(fs.opened()).isNotEmpty().allMatch(path -> path.contains("/p=2/") || path.contains("/p=3/"));
        assertThat(fs.listed()).noneMatch(path -> path.endsWith("/p=1") || path.contains("DEFAULT"));
    }

    @Test
    void aMemberThatCannotMatchIsSkippedWithoutOpeningItsFile() throws Exception {
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()
                .withPartitionSchema(PARTITIONS)).discover(CountingFileSystem.path(dir.resolve("t")));
        fs.resetCounts();

        List<List<Object>> rows = readAll(layout, Schema.of(Field.of("v", DataType.LONG), Field.of("p", DataType.INT)),
                Optional.of(Predicate.isNull("p")));

        assertThat(rows).containsExactly(Arrays.asList(900L, null), Arrays.asList(901L, null));
        assertThat(fs.opened()).isNotEmpty().allMatch(path -> path.contains("DEFAULT"));
    }

    @Test
    void partitionColumnsMayBeAnywhereInTheRequiredSchema() throws Exception {
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()
                .withPartitionSchema(PARTITIONS)).discover(CountingFileSystem.path(dir.resolve("t")));

        List<List<Object>> rows = readAll(layout, REQUIRED, Optional.of(Predicate.equal("p", 1)));

        // v2 is not in the files: read as nulls, as for any column a file lacks.
        assertThat(rows).containsExactly(Arrays.asList(100L, 1, null), Arrays.asList(101L, 1, null));
    }

    private List<List<Object>> readAll(TableLayout layout, Schema required, Optional<Predicate> filter)
            throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (CombinedSplit split : SplitPlanner.defaults().plan(fs, PARQUET, layout)) {
            try (BatchReader reader = new CombinedSplitReader(PARQUET, conf, split, required, filter)) {
                for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                    rows.addAll(batch.toRows());
                }
            }
        }
        return rows;
    }
}
