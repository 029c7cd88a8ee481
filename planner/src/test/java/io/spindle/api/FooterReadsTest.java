package io.spindle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.FormatException;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Footers read on several threads give what reading them in turn gives, failures included. */
class FooterReadsTest {
    private static final ParquetFileFormat PARQUET = new ParquetFileFormat();

    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = new Configuration();

    /** File i: a long column {@code id} and a string column {@code c<i % 3>}. */
    private static Schema schemaOf(int file) {
        return Schema.of(Field.of("id", DataType.LONG), Field.of("c" + (file % 3), DataType.STRING));
    }

    private List<FileStatus> writeFiles(int count, List<Integer> corrupt) throws Exception {
        FileSystem fs = FileSystem.getLocal(conf);
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            java.nio.file.Path file = dir.resolve(String.format("part-%02d.parquet", i));
            if (corrupt.contains(i)) {
                Files.write(file, ("not parquet " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                ColumnBatch batch = ColumnBatch.allocate(schemaOf(i), 1);
                batch.setRowCount(0);
                try (BatchWriter writer = PARQUET.create(conf, new Path(file.toUri()), schemaOf(i),
                        WriteOptions.defaults())) {
                    writer.write(batch);
                    writer.finish();
                }
            }
            files.add(fs.getFileStatus(new Path(file.toUri())));
        }
        return files;
    }

    @Test
    void manyFootersReadAtOnceComeBackInFileOrder() throws Exception {
        List<FileStatus> files = writeFiles(40, List.of());

        List<Schema> parallel = FooterReads.readAll(PARQUET, conf, files);

        List<List<String>> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            written.add(schemaOf(i).names());
        }
        assertThat(parallel).extracting(Schema::names).containsExactlyElementsOf(written);
        assertThat(parallel).isEqualTo(FooterReads.readInTurn(PARQUET, conf, files));
    }

    @Test
    void theFirstBadFileInOrderIsTheOneReported() throws Exception {
        List<FileStatus> files = writeFiles(24, List.of(7, 19));

        assertThatThrownBy(() -> FooterReads.readInTurn(PARQUET, conf, files))
                .isInstanceOf(FormatException.class).hasMessageContaining("part-07.parquet");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> FooterReads.readAll(PARQUET, conf, files))
                    .isInstanceOf(FormatException.class).hasMessageContaining("part-07.parquet")
                    .hasMessageNotContaining("part-19");
        }
    }

    @Test
    void aMissingFileIsReportedAsMissing() throws Exception {
        List<FileStatus> files = writeFiles(6, List.of());
        Files.delete(dir.resolve("part-03.parquet"));

        assertThatThrownBy(() -> FooterReads.readAll(PARQUET, conf, files))
                .isInstanceOf(java.io.FileNotFoundException.class).hasMessageContaining("part-03.parquet");
    }
}
