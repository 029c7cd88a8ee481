package io.spindle.formats.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.DataSize;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.orc.CompressionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrcRoundTripTest {
    private static final OrcFileFormat FORMAT = new OrcFileFormat();

    @TempDir
    Path dir;

    private static OrcFileFormat withCodec(CompressionKind codec) {
        return new OrcFileFormat(ColumnBatch.DEFAULT_CAPACITY, OrcWriteOptions.defaults().withCodec(codec));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionKind.class, names = {"NONE", "ZLIB", "SNAPPY", "LZ4", "ZSTD"})
    void everyTypeRoundTripsWithNulls(CompressionKind codec) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(10_000, 42);
        Path file = dir.resolve("all.orc");

        WrittenFile written = TestTables.write(withCodec(codec), file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults());

        assertThat(written.rows()).isEqualTo(10_000);
        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
        assertThat(OrcTestFiles.codecOf(file)).isEqualTo(codec);
    }

    @ParameterizedTest
    @EnumSource(io.spindle.formats.Compression.class)
    void genericCodecsMapToOrcCodecs(io.spindle.formats.Compression codec) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(500, 5);
        Path file = dir.resolve("generic.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withCompression(codec));

        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
        assertThat(OrcTestFiles.codecOf(file)).isEqualTo(switch (codec) {
            case NONE -> CompressionKind.NONE;
            case SNAPPY -> CompressionKind.SNAPPY;
            case GZIP -> CompressionKind.ZLIB;
            case ZSTD -> CompressionKind.ZSTD;
        });
    }

    @ParameterizedTest
    @EnumSource(value = CompressionKind.class, names = {"NONE", "ZLIB", "SNAPPY", "LZ4", "ZSTD"})
    void emptyFileRoundTrips(CompressionKind codec) throws Exception {
        Path file = dir.resolve("empty.orc");
        TestTables.write(withCodec(codec), file, ColumnBatch.allocate(SampleData.ALL_TYPES, 16), WriteOptions.defaults());

        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEmpty();
        assertThat(FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())))
                .isEqualTo(SampleData.ALL_TYPES);
    }

    @Test
    void allNullColumnsRoundTripWithoutDictionaries() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            rows.add(Arrays.asList(new Object[SampleData.ALL_TYPES.size()]));
        }
        Path file = dir.resolve("nulls.orc");
        WrittenFile written = TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withDictionaryEnabled(false));

        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEqualTo(rows);
        assertThat(written.statistics().get("l").allNull()).isTrue();
    }

    @Test
    void manyStripesAndSplitsReadEveryRowOnce() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(60_000, 7);
        Path file = dir.resolve("stripes.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withRowGroupSize(DataSize.ofKilobytes(256)));

        TestTables.Scan scan = TestTables.scan(FORMAT, file, SampleData.ALL_TYPES, Optional.empty(), 300_000);

        assertThat(scan.rows()).isEqualTo(TestTables.normalize(rows));
        assertThat(scan.metrics().rowGroupsTotal()).isGreaterThan(3);
        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(scan.metrics().rowGroupsTotal());
        assertThat(scan.metrics().rowsRead()).isEqualTo(60_000);
        int splits = FORMAT.plan(org.apache.hadoop.fs.FileSystem.getLocal(TestTables.CONF),
                List.of(org.apache.hadoop.fs.FileSystem.getLocal(TestTables.CONF)
                        .getFileStatus(new org.apache.hadoop.fs.Path(file.toUri()))), 300_000).size();
        assertThat(splits).isGreaterThan(1);
    }

    @Test
    void readsProjectionInRequestedOrderIgnoringCaseWithMissingColumnsAsNull() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(100, 3);
        Path file = dir.resolve("projection.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());
        Schema required = Schema.of(Field.of("S", DataType.STRING), Field.of("absent", DataType.INT),
                Field.of("i", DataType.LONG), Field.of("dec9", DataType.decimal(20, 2)),
                Field.of("dec18", DataType.decimal(18, 6)));

        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : rows) {
            Object widened = row.get(1) == null ? null : ((Integer) row.get(1)).longValue();
            expected.add(Arrays.asList(row.get(7), null, widened, row.get(4), row.get(5)));
        }
        assertThat(TestTables.read(FORMAT, file, required)).isEqualTo(expected);
    }

    @Test
    void readsRowCountsWithNoColumns() throws Exception {
        Path file = dir.resolve("count.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(9000, 1)),
                WriteOptions.defaults());

        TestTables.Scan scan = TestTables.scan(FORMAT, file, Schema.of(), Optional.empty());

        assertThat(scan.rows()).hasSize(9000);
        assertThat(scan.metrics().bytesRead()).isLessThan(1000);
    }

    @Test
    void writtenFileCarriesStatistics() throws Exception {
        Schema schema = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING),
                Field.of("amount", DataType.decimal(10, 2)));
        Path file = dir.resolve("stats.orc");
        WrittenFile written = TestTables.write(FORMAT, file, TestTables.batchOf(schema, List.of(
                Arrays.asList(5L, "b", new BigDecimal("1.50")), Arrays.asList(2L, null, new BigDecimal("-3.00")),
                Arrays.asList(9L, "a", null))), WriteOptions.defaults());

        ColumnStatistics id = written.statistics().get("id");
        assertThat(List.of(id.min(), id.max(), id.nullCount())).isEqualTo(List.of(2L, 9L, 0L));
        ColumnStatistics name = written.statistics().get("name");
        assertThat(List.of(name.min(), name.max(), name.nullCount())).isEqualTo(List.of("a", "b", 1L));
        ColumnStatistics amount = written.statistics().get("amount");
        assertThat(List.of(amount.min(), amount.max())).isEqualTo(List.of(new BigDecimal("-3.00"), new BigDecimal("1.50")));
    }
}
