package io.spindle.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRoundTripTest {
    @TempDir
    Path dir;

    private static CsvFileFormat format(boolean header) {
        return new CsvFileFormat(CsvOptions.defaults().withHeader(header).withSchema(SampleData.ALL_TYPES));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyTypeRoundTripsWithNullsAndEmptyStrings(boolean header) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(5000, 42);
        rows.get(1).set(7, ""); // an empty string is not a null
        rows.get(2).set(7, " padded, \"quoted\"\nsecond line ");
        Path file = dir.resolve("all.csv");
        CsvFileFormat format = new CsvFileFormat(format(header).options().withMultiLine(true));
        TestTables.write(format, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        assertThat(TestTables.read(format, file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
    }

    @Test
    void manySplitsReadEveryRecordOnce() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(20_000, 9);
        Path file = dir.resolve("split.csv");
        TestTables.write(format(true), file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        for (long splitBytes : new long[] {1000, 4096, 100_000}) {
            TestTables.Scan scan = TestTables.scan(format(true), file, SampleData.ALL_TYPES, Optional.empty(), splitBytes);
            assertThat(scan.rows()).isEqualTo(TestTables.normalize(rows));
        }
    }

    @Test
    void emptyFileAndHeaderOnlyFileHaveNoRows() throws Exception {
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        Path headerOnly = dir.resolve("header.csv");
        TestTables.write(format(true), headerOnly, ColumnBatch.allocate(SampleData.ALL_TYPES, 1), WriteOptions.defaults());

        assertThat(TestTables.read(format(true), empty, SampleData.ALL_TYPES)).isEmpty();
        assertThat(TestTables.read(format(true), headerOnly, SampleData.ALL_TYPES)).isEmpty();
        assertThat(Files.readString(headerOnly)).isEqualTo("b,i,l,d,dec9,dec18,dec38,s,dt,ts,bin\n");
    }

    @Test
    void readsColumnsByHeaderNameIgnoringCaseWithMissingAsNullAndCrLf() throws Exception {
        Path file = Files.write(dir.resolve("named.csv"),
                "id,Name,score\r\n1,ann,2.5\r\n2,,\r\n\r\n3,\"b,c\",-1\r\n".getBytes(StandardCharsets.UTF_8));
        CsvFileFormat format = new CsvFileFormat(CsvOptions.defaults().withHeader(true));
        Schema required = Schema.of(Field.of("score", DataType.DOUBLE), Field.of("name", DataType.STRING),
                Field.of("absent", DataType.INT));

        assertThat(TestTables.read(format, file, required)).isEqualTo(List.of(Arrays.asList(2.5, "ann", null),
                Arrays.asList(null, null, null), Arrays.asList(-1.0, "b,c", null)));
    }

    @Test
    void infersTypesFromHeaderAndSample() throws Exception {
        Path file = Files.write(dir.resolve("infer.csv"), ("i,l,big,d,b,dt,ts,s,empty\n"
                + "1,1,123456789012345678901,1.5,true,2024-01-31,2024-01-31T10:00:00Z,x,\n"
                + "2,9000000000,1,2,FALSE,2024-02-01,2024-02-01 10:00:00,7,\n").getBytes(StandardCharsets.UTF_8));
        CsvFileFormat format = new CsvFileFormat(CsvOptions.defaults().withHeader(true));

        assertThat(format.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())).toString())
                .isEqualTo("struct<i:int,l:long,big:decimal(38,0),d:double,b:boolean,dt:date,ts:timestamp,s:string,"
                        + "empty:string>");
        assertThat(new CsvFileFormat(CsvOptions.defaults()).readSchema(TestTables.CONF,
                new org.apache.hadoop.fs.Path(file.toUri())).names()).startsWith("_c0", "_c1");
    }

    @Test
    void customDelimiterEscapeNullValueAndDateFormats() throws Exception {
        Schema schema = Schema.of(Field.of("s", DataType.STRING), Field.of("dt", DataType.DATE),
                Field.of("ts", DataType.TIMESTAMP), Field.of("n", DataType.INT));
        CsvFileFormat format = new CsvFileFormat(CsvOptions.defaults().withSchema(schema).withDelimiter('|')
                .withQuoteAndEscape('\'', '\\').withNullValue("NA")
                .withDateFormats(Optional.of("dd/MM/yyyy"), Optional.of("dd/MM/yyyy HH:mm:ss")));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("it's|a \\ test", java.time.LocalDate.of(2024, 3, 9),
                java.time.Instant.parse("2024-03-09T08:07:06Z"), 5));
        rows.add(Arrays.asList("NA", null, null, null));
        Path file = dir.resolve("custom.csv");
        TestTables.write(format, file, TestTables.batchOf(schema, rows), WriteOptions.defaults());

        assertThat(Files.readString(file)).isEqualTo("'it\\'s|a \\\\ test'|09/03/2024|09/03/2024 08:07:06|5\n'NA'|NA|NA|NA\n");
        assertThat(TestTables.read(format, file, schema)).isEqualTo(rows);
    }
}
