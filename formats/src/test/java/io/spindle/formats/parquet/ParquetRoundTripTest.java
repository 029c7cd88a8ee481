package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.DataSize;
import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParquetRoundTripTest {
    private static final ParquetFileFormat FORMAT = new ParquetFileFormat();

    @TempDir
    Path dir;

    static List<Arguments> codecsAndDictionary() {
        List<Arguments> arguments = new ArrayList<>();
        for (Compression codec : Compression.values()) {
            arguments.add(Arguments.of(codec, true));
            arguments.add(Arguments.of(codec, false));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0}, dictionary {1}")
    @MethodSource("codecsAndDictionary")
    void everyTypeRoundTripsWithNulls(Compression codec, boolean dictionary) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(10_000, 42);
        Path file = dir.resolve("all.parquet");
        WriteOptions options = WriteOptions.defaults().withCompression(codec).withDictionaryEnabled(dictionary)
                .withPageSize(DataSize.ofKilobytes(64));

        WrittenFile written = TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), options);

        assertThat(written.rows()).isEqualTo(10_000);
        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void emptyFileRoundTrips(Compression codec) throws Exception {
        Path file = dir.resolve("empty.parquet");
        TestTables.write(FORMAT, file, ColumnBatch.allocate(SampleData.ALL_TYPES, 16),
                WriteOptions.defaults().withCompression(codec));

        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEmpty();
        assertThat(FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())))
                .isEqualTo(SampleData.ALL_TYPES);
    }

    @Test
    void allNullColumnsRoundTrip() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            rows.add(Arrays.asList(new Object[SampleData.ALL_TYPES.size()]));
        }
        Path file = dir.resolve("nulls.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEqualTo(rows);
    }

    @Test
    void manyRowGroupsAndSplitsReadEveryRowOnce() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(30_000, 7);
        Path file = dir.resolve("groups.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withRowGroupSize(DataSize.ofKilobytes(256)).withPageSize(DataSize.ofKilobytes(16)));

        TestTables.Scan scan = TestTables.scan(FORMAT, file, SampleData.ALL_TYPES, Optional.empty(), 200_000);

        assertThat(scan.rows()).isEqualTo(TestTables.normalize(rows));
        assertThat(scan.metrics().rowGroupsTotal()).isGreaterThan(3);
        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(scan.metrics().rowGroupsTotal());
    }

    @Test
    void readsProjectionInRequestedOrderIgnoringCaseWithMissingColumnsAsNull() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(100, 3);
        Path file = dir.resolve("projection.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());
        Schema required = Schema.of(Field.of("S", DataType.STRING), Field.of("absent", DataType.INT),
                Field.of("i", DataType.LONG), Field.of("dec9", DataType.decimal(20, 2)));

        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : rows) {
            Object widened = row.get(1) == null ? null : ((Integer) row.get(1)).longValue();
            expected.add(Arrays.asList(row.get(7), null, widened, row.get(4)));
        }
        assertThat(TestTables.read(FORMAT, file, required)).isEqualTo(expected);
    }

    @Test
    void readsRowCountsWithNoColumns() throws Exception {
        Path file = dir.resolve("count.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(9000, 1)),
                WriteOptions.defaults());

        TestTables.Scan scan = TestTables.scan(FORMAT, file, Schema.of(), Optional.empty());

        assertThat(scan.rows()).hasSize(9000);
        assertThat(scan.metrics().bytesRead()).isZero();
    }
}
