package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.DataSize;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushdown proven by what the reader did, not only by what it returned. */
class ParquetPushdownTest {
    private static final ParquetFileFormat FORMAT = new ParquetFileFormat();
    private static final Schema SCHEMA = Schema.of(
            Field.of("k", DataType.LONG), Field.of("tag", DataType.STRING), Field.of("payload", DataType.STRING),
            Field.of("x", DataType.DOUBLE));
    private static final int ROWS = 200_000;

    @TempDir
    Path dir;
    private Path file;
    private List<List<Object>> rows;
    private ReadMetrics fullScan;

    /**
     * k is sorted 0..199999. tag is "a" or "z" except every 100th row, which holds "m" + k / 1000:
     * every row group's bounds are [a, z], so only its dictionary can rule a tag out.
     */
    @BeforeEach
    void writeSortedFile() throws Exception {
        rows = new ArrayList<>();
        for (long k = 0; k < ROWS; k++) {
            String tag = k % 100 == 1 ? "m" + (k / 1000) : (k % 2 == 0 ? "a" : "z");
            rows.add(Arrays.asList(k, tag, "payload-" + k, k % 10 == 3 ? null : k * 0.5));
        }
        file = dir.resolve("sorted.parquet");
        TestTables.write(FORMAT, file, TestTables.batchOf(SCHEMA, rows),
                WriteOptions.defaults().withRowGroupSize(DataSize.ofKilobytes(160)).withPageSize(DataSize.ofKilobytes(32)));
        fullScan = TestTables.scan(FORMAT, file, SCHEMA, Optional.empty()).metrics();
        assertThat(fullScan.rowGroupsTotal()).isBetween(15L, 40L);
    }

    @Test
    void selectivePredicateOnSortedColumnReadsOneRowGroup() throws Exception {
        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA, Optional.of(Predicate.equal("k", 123_456L)));

        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);
        assertThat(scan.metrics().rowGroupsSkippedByStatistics()).isEqualTo(fullScan.rowGroupsTotal() - 1);
        assertThat(scan.rows()).contains(rows.get(123_456));
        assertThat(scan.rows()).isEqualTo(rows.subList(firstK(scan), firstK(scan) + scan.rows().size()));
    }

    @Test
    void rangePredicateReadsOnlyOverlappingRowGroups() throws Exception {
        Predicate range = Predicate.and(Predicate.greaterThanOrEqual("k", 50_000), Predicate.lessThan("k", 50_010));

        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA, Optional.of(range));

        assertThat(scan.metrics().rowGroupsRead()).isBetween(1L, 2L);
        assertThat(scan.rows()).containsAll(rows.subList(50_000, 50_010));
    }

    @Test
    void predicateThatNothingMatchesReadsNothing() throws Exception {
        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA,
                Optional.of(Predicate.or(Predicate.lessThan("k", -1), Predicate.isNull("k"))));

        assertThat(scan.rows()).isEmpty();
        assertThat(scan.metrics()).isEqualTo(new ReadMetrics(fullScan.rowGroupsTotal(), 0, fullScan.rowGroupsTotal(),
                0, 0, 0, 0));
    }

    @Test
    void dictionarySkipsRowGroupsThatStatisticsCannot() throws Exception {
        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA.select("k", "tag"),
                Optional.of(Predicate.in("tag", "m57", "nope")));

        assertThat(scan.metrics().rowGroupsSkippedByStatistics()).isZero();
        assertThat(scan.metrics().rowGroupsRead()).isBetween(1L, 2L);
        assertThat(scan.metrics().rowGroupsSkippedByDictionary())
                .isEqualTo(fullScan.rowGroupsTotal() - scan.metrics().rowGroupsRead());
        assertThat(scan.rows()).contains(List.of(57_001L, "m57"), List.of(57_901L, "m57"));
    }

    @Test
    void predicateOnMissingColumnSkipsEverythingButIsNull() throws Exception {
        Schema withMissing = Schema.of(Field.of("k", DataType.LONG), Field.of("added_later", DataType.INT));

        assertThat(TestTables.scan(FORMAT, file, withMissing, Optional.of(Predicate.equal("added_later", 1)))
                .rows()).isEmpty();
        assertThat(TestTables.scan(FORMAT, file, withMissing, Optional.of(Predicate.isNull("added_later")))
                .rows()).hasSize(ROWS);
    }

    @Test
    void doubleUpperBoundIsNotTrustedBecauseNaNMayBeMissingFromStatistics() throws Exception {
        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA.select("x"),
                Optional.of(Predicate.greaterThan("x", 1e12)));

        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(fullScan.rowGroupsTotal());
        assertThat(TestTables.scan(FORMAT, file, SCHEMA.select("x"), Optional.of(Predicate.lessThan("x", 10.0)))
                .metrics().rowGroupsRead()).isEqualTo(1);
    }

    @Test
    void columnPruningReadsOnlyRequestedColumnChunks() throws Exception {
        ReadMetrics oneColumn = TestTables.scan(FORMAT, file, SCHEMA.select("k"), Optional.empty()).metrics();

        assertThat(fullScan.columnChunksRead()).isEqualTo(4 * fullScan.rowGroupsTotal());
        assertThat(oneColumn.columnChunksRead()).isEqualTo(fullScan.rowGroupsTotal());
        assertThat(oneColumn.bytesRead()).isEqualTo(chunkBytes("k"));
        assertThat(fullScan.bytesRead()).isEqualTo(chunkBytes("k") + chunkBytes("tag") + chunkBytes("payload")
                + chunkBytes("x"));
    }

    /** Bytes of the column's chunks over all row groups, from the footer. */
    private long chunkBytes(String column) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))) {
            long bytes = 0;
            for (BlockMetaData block : reader.getRowGroups()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    if (chunk.getPath().toDotString().equals(column)) {
                        bytes += chunk.getTotalSize();
                    }
                }
            }
            return bytes;
        }
    }

    private static int firstK(TestTables.Scan scan) {
        return (int) (long) (Long) scan.rows().get(0).get(0);
    }
}
