package io.spindle.formats.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileSplit;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushdown proves itself by what is not read: a file of 200,000 rows sorted on every column, in
 * 20 stripes of 10,000 rows and row groups of 1,000, where a selective predicate must decode one
 * stripe and one or two row groups.
 */
class OrcPushdownTest {
    private static final int ROWS = 200_000;
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("day", DataType.DATE),
            Field.of("amount", DataType.decimal(12, 2)), Field.of("at", DataType.TIMESTAMP),
            Field.of("name", DataType.STRING), Field.of("maybe", DataType.INT));
    private static final Instant EPOCH_START = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void writeSortedFile() throws Exception {
        file = dir.resolve("sorted.orc");
        Configuration conf = new Configuration(TestTables.CONF);
        OrcConf.STRIPE_ROW_COUNT.setLong(conf, 10_000);
        OrcFileFormat format = new OrcFileFormat(ColumnBatch.DEFAULT_CAPACITY,
                OrcWriteOptions.defaults().withRowIndexStride(1000));
        try (BatchWriter writer = format.create(conf, new org.apache.hadoop.fs.Path(file.toUri()), SCHEMA,
                WriteOptions.defaults())) {
            // ORC checks the stripe row count after each batch: batches of 1,000 cut stripes at exactly 10,000.
            for (int start = 0; start < ROWS; start += 1000) {
                ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
                for (int i = start; i < start + 1000; i++) {
                    builder.appendRow(row(i).toArray());
                }
                writer.write(builder.build());
            }
            writer.finish();
        }
        assertThat(OrcTestFiles.stripesOf(file)).isEqualTo(20);
    }

    private static List<Object> row(long i) {
        return Arrays.asList(i, LocalDate.of(2000, 1, 1).plusDays(i / 100), BigDecimal.valueOf(i, 2),
                EPOCH_START.plusSeconds(i), String.format("name-%06d", i), i < 100_000 ? null : (int) i);
    }

    private record Result(List<List<Object>> rows, long stripesRead, long stripesTotal, long groupsRead, long groupsTotal) {}

    private static Result scan(Predicate predicate) throws Exception {
        FileSplit split = FileSplit.wholeFile(new org.apache.hadoop.fs.Path(file.toUri()), file.toFile().length());
        List<List<Object>> rows = new ArrayList<>();
        try (BatchReader reader = new OrcFileFormat().open(TestTables.CONF, split, SCHEMA, Optional.of(predicate))) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                rows.addAll(batch.toRows());
            }
            OrcBatchReader orc = (OrcBatchReader) reader;
            assertThat(reader.metrics().rowsRead()).isEqualTo(rows.size());
            return new Result(rows, reader.metrics().rowGroupsRead(), reader.metrics().rowGroupsTotal(),
                    orc.rowIndexGroupsRead(), orc.rowIndexGroupsTotal());
        }
    }

    private static void assertSelective(Result result, long firstMatch, long lastMatch) {
        assertThat(result.stripesTotal()).isEqualTo(20);
        assertThat(result.groupsTotal()).isEqualTo(200);
        assertThat(result.stripesRead()).isEqualTo(1);
        assertThat(result.groupsRead()).isBetween(1L, 2L);
        assertThat(result.rows()).contains(row(firstMatch), row(lastMatch));
        assertThat(result.rows().size()).isLessThanOrEqualTo(2000);
    }

    @Test
    void rangeOnSortedLongReadsOneStripeAndOneRowGroup() throws Exception {
        Result result = scan(Predicate.and(Predicate.greaterThanOrEqual("id", 123_100L), Predicate.lessThan("ID", 123_600)));

        assertSelective(result, 123_100, 123_599);
        assertThat(result.groupsRead()).isEqualTo(1);
    }

    @Test
    void equalityOnDateDecimalTimestampAndStringEachSkip() throws Exception {
        assertSelective(scan(Predicate.equal("day", LocalDate.of(2000, 1, 1).plusDays(1500))), 150_000, 150_099);
        assertSelective(scan(Predicate.equal("amount", new BigDecimal("777.77"))), 77_777, 77_777);
        assertSelective(scan(Predicate.equal("at", EPOCH_START.plusSeconds(33_333))), 33_333, 33_333);
        assertSelective(scan(Predicate.equal("name", "name-054321")), 54_321, 54_321);
        assertSelective(scan(Predicate.in("id", 4_242L, 4_243L)), 4_242, 4_243);
    }

    @Test
    void negationsAndNullTestsSkip() throws Exception {
        assertSelective(scan(Predicate.not(Predicate.lessThan("id", 199_500L))), 199_500, 199_999);
        assertSelective(scan(Predicate.and(Predicate.isNotNull("maybe"), Predicate.lessThanOrEqual("maybe", 100_100))),
                100_000, 100_100);
        Result nulls = scan(Predicate.isNull("maybe"));
        // ORC decides IS NULL from hasNull flags and may read the one row group after the last null.
        assertThat(nulls.stripesRead()).isBetween(10L, 11L);
        assertThat(nulls.rows().size()).isBetween(100_000, 101_000);
        assertThat(nulls.rows()).contains(row(0), row(99_999));
    }

    @Test
    void predicateMatchingNothingReadsNothing() throws Exception {
        Result result = scan(Predicate.or(Predicate.lessThan("id", 0L), Predicate.greaterThan("id", 10_000_000L)));

        assertThat(result.rows()).isEmpty();
        assertThat(result.stripesRead()).isZero();
        assertThat(result.groupsRead()).isZero();
    }

    @Test
    void predicatesThatCannotBeTranslatedExactlySkipNothing() throws Exception {
        Result inexact = scan(Predicate.equal("id", 2.5));
        Result missing = scan(Predicate.equal("absent", 1));

        assertThat(inexact.rows()).hasSize(ROWS);
        assertThat(missing.stripesRead()).isEqualTo(20);
    }
}
