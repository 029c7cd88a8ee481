package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.Compression;
import io.spindle.formats.FormatException;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files fail with an error that names the file, and where possible where in it. */
class ParquetBadInputTest {
    private static final ParquetFileFormat FORMAT = new ParquetFileFormat();

    @TempDir
    Path dir;

    @Test
    void truncatedFileNamesTheFile() throws Exception {
        Path good = writeGoodFile(Compression.SNAPPY);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> TestTables.read(FORMAT, truncated, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(truncated.toUri().toString().replace("file:///", "file:/"))
                .hasMessageContaining("at offset " + (bytes.length / 2 - 8))
                .hasMessageContaining("not a readable Parquet file");
    }

    @Test
    void fileThatIsNotParquetNamesTheFile() throws Exception {
        Path text = Files.write(dir.resolve("notes.parquet"), "id,name\n1,alice\n".repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestTables.read(FORMAT, text, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("notes.parquet")
                .hasMessageContaining("not a readable Parquet file");
        assertThatThrownBy(() -> FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(text.toUri())))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("notes.parquet");
    }

    @Test
    void emptyFileNamesTheFile() throws Exception {
        Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);

        assertThatThrownBy(() -> TestTables.read(FORMAT, empty, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("empty.parquet");
    }

    @Test
    void corruptPageNamesFileOffsetRowGroupAndColumn() throws Exception {
        Path file = writeGoodFile(Compression.NONE);
        ColumnChunkMetaData chunk = firstChunkOf(file, "s");
        byte[] bytes = Files.readAllBytes(file);
        // Flip bytes well inside the first data page's values; the page checksum catches it.
        int target = (int) chunk.getFirstDataPageOffset() + 200;
        for (int i = 0; i < 16; i++) {
            bytes[target + i] ^= (byte) 0x5A;
        }
        Files.write(file, bytes);
        // Drop the local file system's own checksum so that Parquet's page checksum is what fails.
        Files.delete(dir.resolve(".good.parquet.crc"));

        assertThatThrownBy(() -> TestTables.read(FORMAT, file, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("good.parquet")
                .hasMessageContaining("at offset " + chunk.getStartingPos())
                .hasMessageContaining("row group 0")
                .hasMessageContaining("column 's'");
    }

    @Test
    void columnOfIncompatibleTypeNamesFileAndColumn() throws Exception {
        Path file = writeGoodFile(Compression.SNAPPY);
        Schema wrong = Schema.of(Field.of("s", DataType.INT));

        assertThatThrownBy(() -> TestTables.read(FORMAT, file, wrong))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("good.parquet")
                .hasMessageContaining("column 's' is optional binary s (STRING)")
                .hasMessageContaining("cannot be read as int");
    }

    @Test
    void nestedColumnIsReportedAsUnsupported() throws Exception {
        Path file = dir.resolve("nested.parquet");
        try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer =
                org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                        org.apache.parquet.hadoop.util.HadoopOutputFile.fromPath(
                                new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))
                        .withType(org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                                "message m { optional int32 id; repeated int32 scores; }"))
                        .withConf(TestTables.CONF).build()) {
            writer.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(
                    org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                            "message m { optional int32 id; repeated int32 scores; }"))
                    .newGroup().append("id", 1).append("scores", 5).append("scores", 6));
        }

        assertThat(TestTables.read(FORMAT, file, Schema.of(Field.of("id", DataType.INT)))).containsExactly(
                java.util.List.of(1));
        assertThatThrownBy(() -> TestTables.read(FORMAT, file, Schema.of(Field.of("scores", DataType.INT))))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("nested.parquet")
                .hasMessageContaining("column 'scores' is nested (repeated int32 scores)");
    }

    private Path writeGoodFile(Compression codec) throws Exception {
        Path file = dir.resolve("good.parquet");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(".good.parquet.crc"));
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(5000, 5)),
                WriteOptions.defaults().withCompression(codec).withDictionaryEnabled(false));
        return file;
    }

    private static ColumnChunkMetaData firstChunkOf(Path file, String column) throws Exception {
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), TestTables.CONF))) {
            return reader.getRowGroups().get(0).getColumns().stream()
                    .filter(chunk -> chunk.getPath().toDotString().equals(column)).findFirst().orElseThrow();
        }
    }
}
