package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.testing.DuckDb;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legacy INT96 timestamps as Spark (spark.sql.parquet.outputTimestampType=INT96) and Hive write
 * them: 8 bytes of nanoseconds of the day, 4 bytes of Julian day, dictionary-encoded, several row
 * groups. Written with parquet-hadoop's own low-level writer, so Spindle's writer is not involved.
 */
class Int96TimestampTest {
    private static final MessageType SPARK_SCHEMA = MessageTypeParser.parseMessageType(
            "message spark_schema { optional int32 id; optional int96 ts; optional binary name (STRING); }");
    private static final Instant[] INSTANTS = {
        Instant.parse("2024-02-29T12:34:56.123456789Z"),
        Instant.parse("1970-01-01T00:00:00Z"),
        Instant.parse("1969-12-31T23:59:59.999999Z"),
        Instant.parse("1900-01-01T00:00:00.000001Z"),
        Instant.parse("1582-10-15T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999999Z"),
        Instant.parse("2001-09-09T01:46:40.5Z"),
    };

    @TempDir
    Path dir;

    @Test
    void readsSparkStyleInt96WithDictionaryAcrossRowGroups() throws Exception {
        Path file = dir.resolve("int96.parquet");
        List<List<Object>> expected = writeInt96File(file, 30_000);

        assertThat(rowGroupCount(file)).isGreaterThan(1);
        assertThat(dictionaryEncoded(file)).isTrue();
        Schema schema = Schema.of(Field.of("id", DataType.INT), Field.of("ts", DataType.TIMESTAMP),
                Field.of("name", DataType.STRING));
        assertThat(TestTables.read(new ParquetFileFormat(), file, schema)).isEqualTo(expected);
        try (DuckDb duckDb = new DuckDb()) {
            assertThat(duckDb.readParquet(file, schema)).isEqualTo(expected);
        }
    }

    private List<List<Object>> writeInt96File(Path file, int rows) throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        SimpleGroupFactory groups = new SimpleGroupFactory(SPARK_SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
                        HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))
                .withType(SPARK_SCHEMA).withConf(TestTables.CONF)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding(true).withRowGroupSize(64 * 1024L).withPageSize(8 * 1024).build()) {
            for (int r = 0; r < rows; r++) {
                Group group = groups.newGroup().append("id", r);
                Instant instant = r % 9 == 0 ? null : INSTANTS[r % INSTANTS.length];
                if (instant != null) {
                    group.append("ts", toNanoTime(instant));
                }
                group.append("name", "n" + (r % 3));
                writer.write(group);
                // Spindle keeps microseconds; INT96 nanoseconds below that are dropped.
                expected.add(Arrays.asList(r, instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS), "n" + (r % 3)));
            }
        }
        return expected;
    }

    private static NanoTime toNanoTime(Instant instant) {
        long day = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        long nanosOfDay = Math.floorMod(instant.getEpochSecond(), 86_400L) * 1_000_000_000L + instant.getNano();
        return new NanoTime((int) (day + ValueConverter.JULIAN_DAY_OF_EPOCH), nanosOfDay);
    }

    private static int rowGroupCount(Path file) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))) {
            return reader.getRowGroups().size();
        }
    }

    private static boolean dictionaryEncoded(Path file) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))) {
            for (BlockMetaData block : reader.getRowGroups()) {
                if (!RowGroupEvidence.isFullyDictionaryEncoded(block.getColumns().get(1))) {
                    return false;
                }
            }
            return true;
        }
    }
}
