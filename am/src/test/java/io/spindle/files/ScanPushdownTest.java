package io.spindle.files;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.ReadMetrics;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushdown through the Dataset API, proved by the scan metrics the tasks send back: a selective
 * filter on a sorted column reads a small fraction of the row groups (Parquet) or of the rows
 * (ORC, which skips stripes and 10,000-row index groups),
 * and a projection reads only the requested columns' chunks. Answers are checked against the
 * rows' definition in plain Java.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ScanPushdownTest {
    private static final long ROWS = 400_000;

    @TempDir
    static Path directory;
    private static Session session;

    @BeforeAll
    static void start() {
        session = Session.builder().master("local[2]").appName("scan-pushdown")
                .config("spindle.parquet.rowGroupSize", "512k").getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    /** id 0..ROWS-1 in order in one file, v = 3 * id, s = "s" + id % 100. */
    private static String table(String format) {
        String output = directory.resolve("sorted-" + format).toString();
        if (!java.nio.file.Files.exists(Path.of(output))) {
            session.range(0, ROWS, 1, 1).withColumn("v", col("id").multiply(lit(3L)))
                    .withColumn("s", io.spindle.api.functions.concat(lit("s"), col("id").mod(lit(100L)).cast("string")))
                    .write().format(format).save(output);
        }
        return output;
    }

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "orc"})
    void selectiveFilterOnSortedColumnSkipsMostRowGroups(String format) {
        Dataset table = session.read().format(format).load(table(format));

        long full = table.filter(col("v").geq(lit(0L))).count();
        ReadMetrics fullScan = session.lastScanMetrics();
        long selected = table.filter(col("id").lt(lit(1_000L))).count();
        ReadMetrics selective = session.lastScanMetrics();

        assertThat(full).isEqualTo(ROWS);
        assertThat(selected).isEqualTo(1_000);
        assertThat(fullScan.rowGroupsRead()).isEqualTo(fullScan.rowGroupsTotal());
        assertThat(fullScan.rowsRead()).isEqualTo(ROWS);
        if (format.equals("parquet")) {
            assertThat(fullScan.rowGroupsTotal()).as("row groups of the file").isGreaterThanOrEqualTo(8);
            assertThat(selective.rowGroupsRead()).as("row groups read by the selective scan")
                    .isLessThanOrEqualTo(Math.max(1, fullScan.rowGroupsTotal() / 8));
            assertThat(selective.rowGroupsSkipped()).isEqualTo(selective.rowGroupsTotal() - selective.rowGroupsRead());
        } else {
            // ORC skips stripes and, inside a stripe, row groups of 10,000 rows (the index stride).
            assertThat(selective.rowsRead()).as("rows decoded from ORC row groups").isLessThanOrEqualTo(20_000);
            assertThat(selective.rowGroupsRead()).isLessThanOrEqualTo(fullScan.rowGroupsRead());
        }
        assertThat(selective.rowsRead()).isLessThan(ROWS / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "orc"})
    void projectionReadsOnlyTheRequestedColumns(String format) {
        Dataset table = session.read().format(format).load(table(format));

        Row all = table.agg(io.spindle.api.functions.sum(col("id")), io.spindle.api.functions.sum(col("v")),
                io.spindle.api.functions.max(col("s"))).first();
        ReadMetrics threeColumns = session.lastScanMetrics();
        Row one = table.agg(io.spindle.api.functions.sum(col("v"))).first();
        ReadMetrics oneColumn = session.lastScanMetrics();

        long sumOfIds = ROWS * (ROWS - 1) / 2;
        assertThat(all.getLong(0)).isEqualTo(sumOfIds);
        assertThat(all.getString(2)).isEqualTo("s99");
        assertThat(one.getLong(0)).isEqualTo(3 * sumOfIds);
        assertThat(threeColumns.columnChunksRead()).isEqualTo(3 * threeColumns.rowGroupsRead());
        assertThat(oneColumn.columnChunksRead()).isEqualTo(oneColumn.rowGroupsRead());
        assertThat(oneColumn.bytesRead()).isLessThan(threeColumns.bytesRead() / 2);
    }
}
