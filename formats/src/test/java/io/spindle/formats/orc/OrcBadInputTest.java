package io.spindle.formats.orc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad ORC files fail with an error that names the file and, where known, the offset. */
class OrcBadInputTest {
    private static final OrcFileFormat FORMAT = new OrcFileFormat();

    @TempDir
    Path dir;

    private static String uri(Path file) {
        return file.toUri().toString().replace("file:///", "file:/");
    }

    @Test
    void truncatedFileNamesTheFileAndOffset() throws Exception {
        Path good = dir.resolve("good.orc");
        TestTables.write(FORMAT, good, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(2000, 1)),
                WriteOptions.defaults());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.orc"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> TestTables.read(FORMAT, truncated, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(uri(truncated) + " at offset " + (bytes.length / 2 - 1))
                .hasMessageContaining("not a readable ORC file");
    }

    @Test
    void fileThatIsNotOrcNamesTheFile() throws Exception {
        Path text = Files.write(dir.resolve("notes.orc"), "id,name\n1,alice\n".repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestTables.read(FORMAT, text, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(uri(text))
                .hasMessageContaining("not a readable ORC file");
        assertThatThrownBy(() -> FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(text.toUri())))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(uri(text));
    }

    @Test
    void emptyFileNamesTheFile() throws Exception {
        Path empty = Files.write(dir.resolve("empty.orc"), new byte[0]);

        assertThatThrownBy(() -> TestTables.read(FORMAT, empty, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(uri(empty));
    }

    @Test
    void nestedColumnNamesColumnAndFileButOtherColumnsStillRead() throws Exception {
        Path file = dir.resolve("nested.orc");
        TypeDescription schema = TypeDescription.fromString("struct<id:bigint,tags:array<string>>");
        try (Writer writer = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.writerOptions(TestTables.CONF).setSchema(schema))) {
            VectorizedRowBatch batch = schema.createRowBatch();
            ((LongColumnVector) batch.cols[0]).vector[0] = 7;
            batch.cols[1].noNulls = false;
            batch.cols[1].isNull[0] = true;
            batch.size = 1;
            writer.addRowBatch(batch);
        }

        assertThatThrownBy(() -> TestTables.read(FORMAT, file, Schema.of(Field.of("tags", DataType.STRING))))
                .isInstanceOf(FormatException.class)
                .hasMessage(uri(file) + ": column 'tags' is nested (array<string>); nested columns are not supported");
        assertThatThrownBy(() -> FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())))
                .hasMessageContaining("column 'tags' is nested");
        assertThat(TestTables.read(FORMAT, file, Schema.of(Field.of("id", DataType.LONG))))
                .isEqualTo(java.util.List.of(java.util.List.of(7L)));
    }

    @Test
    void incompatibleRequiredTypeNamesColumnAndFile() throws Exception {
        Path file = dir.resolve("types.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(10, 1)),
                WriteOptions.defaults());

        assertThatThrownBy(() -> TestTables.read(FORMAT, file, Schema.of(Field.of("s", DataType.DATE))))
                .isInstanceOf(FormatException.class)
                .hasMessage(uri(file) + ": column 's' is string (string) and cannot be read as date");
    }

    @Test
    void corruptStripeNamesFileStripeAndOffset() throws Exception {
        Path file = dir.resolve("corrupt.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(5000, 1)),
                WriteOptions.defaults().withCompression(io.spindle.formats.Compression.ZSTD));
        long stripeOffset;
        long dataLength;
        try (org.apache.orc.Reader reader = OrcTestFiles.orcReader(file)) {
            stripeOffset = reader.getStripes().get(0).getOffset();
            dataLength = reader.getStripes().get(0).getIndexLength() + reader.getStripes().get(0).getDataLength();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (long i = stripeOffset; i < stripeOffset + dataLength; i += 7) {
            bytes[(int) i] ^= (byte) 0x5A;
        }
        Files.write(file, bytes);
        Files.deleteIfExists(dir.resolve(".corrupt.orc.crc"));

        assertThatThrownBy(() -> TestTables.read(FORMAT, file, SampleData.ALL_TYPES))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(uri(file) + " at offset " + stripeOffset)
                .hasMessageContaining("stripe 0");
    }
}
