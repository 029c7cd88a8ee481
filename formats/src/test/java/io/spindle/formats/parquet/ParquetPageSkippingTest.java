package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.DataSize;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page skipping by the column index inside row groups that statistics cannot skip: a selective
 * predicate on a sorted column decodes a small fraction of the rows, and every row returned is the
 * row written at its key (columns with different page boundaries stay aligned). References are the
 * rows written, filtered in plain Java.
 */
class ParquetPageSkippingTest {
    private static final ParquetFileFormat FORMAT = new ParquetFileFormat(1000);
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.LONG), Field.of("s", DataType.STRING),
            Field.of("n", DataType.INT), Field.of("day", DataType.DATE));
    private static final int ROWS = 120_000;

    @TempDir
    Path dir;
    private Path file;
    private List<List<Object>> rows;

    /** k sorted; s wide strings (pages of other rows than k's); n null every 7th row; day sorted. */
    @BeforeEach
    void writeFile() throws Exception {
        rows = new ArrayList<>();
        for (long k = 0; k < ROWS; k++) {
            rows.add(Arrays.asList(k, "value-" + k + "-" + "x".repeat((int) (k % 13)), k % 7 == 0 ? null : (int) (k % 1000),
                    LocalDate.ofEpochDay(18_000 + k / 1000)));
        }
        file = dir.resolve("one-group.parquet");
        TestTables.write(FORMAT, file, TestTables.batchOf(SCHEMA, rows), WriteOptions.defaults()
                .withRowGroupSize(DataSize.ofMegabytes(64)).withPageSize(DataSize.ofKilobytes(8)));
    }

    @Test
    void rangeOnSortedColumnDecodesFewPagesAndKeepsColumnsAligned() throws Exception {
        Predicate range = Predicate.and(Predicate.greaterThanOrEqual("k", 70_000L), Predicate.lessThan("k", 70_300L));

        TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA, Optional.of(range));

        assertThat(scan.metrics().rowGroupsTotal()).isEqualTo(1);
        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);
        assertThat(scan.metrics().rowsRead()).as("rows decoded").isLessThan(ROWS / 20);
        TestTables.Scan full = TestTables.scan(FORMAT, file, SCHEMA, Optional.empty());
        assertThat(scan.metrics().bytesRead()).as("bytes of the pages read").isLessThan(full.metrics().bytesRead() / 10);
        assertThat(scan.rows()).containsAll(rows.subList(70_000, 70_300));
        for (List<Object> row : scan.rows()) {
            assertThat(row).isEqualTo(rows.get((int) (long) (Long) row.get(0)));
        }
    }

    @Test
    void predicatesOnOtherTypesAndNullsAgreeWithAFullScan() throws Exception {
        List<Predicate> predicates = List.of(
                Predicate.equal("day", LocalDate.ofEpochDay(18_100)),
                Predicate.and(Predicate.isNull("n"), Predicate.lessThan("k", 2_000L)),
                Predicate.or(Predicate.equal("k", 5L), Predicate.greaterThan("k", (long) ROWS - 10)),
                Predicate.equal("s", "value-99999-" + "x".repeat(99_999 % 13)),
                Predicate.in("k", 3L, 60_000L, 119_999L));
        for (Predicate predicate : predicates) {
            TestTables.Scan scan = TestTables.scan(FORMAT, file, SCHEMA, Optional.of(predicate));
            for (List<Object> row : scan.rows()) {
                assertThat(row).as(predicate.toString()).isEqualTo(rows.get((int) (long) (Long) row.get(0)));
            }
            if (!(predicate instanceof io.spindle.formats.predicate.In)) { // parquet-mr's column index may not narrow IN
                assertThat(scan.metrics().rowsRead()).as(predicate.toString()).isLessThan(ROWS / 4);
            }
        }
        TestTables.Scan nulls = TestTables.scan(FORMAT, file, SCHEMA, Optional.of(predicates.get(1)));
        assertThat(nulls.rows()).containsAll(rows.subList(0, 2_000).stream().filter(row -> row.get(2) == null).toList());
    }
}
