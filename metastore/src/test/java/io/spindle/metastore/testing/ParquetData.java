package io.spindle.metastore.testing;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.publish.PartitionOutput;
import io.spindle.metastore.publish.PartitionPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Writes Parquet files for a table of schema {@code (id bigint, name string)} into a partition's
 * version directory, as the engine's job commit will: file names and contents depend only on the
 * data, so a re-run writes the same files, and different data never collides with existing names.
 */
public final class ParquetData {
    public static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING));

    private ParquetData() {}

    /** {@code rows} rows with ids {@code firstId...}, in one file per 1000 rows; returns the output to publish. */
    public static PartitionOutput write(CatalogTable table, List<Object> values, String writeId, long firstId, int rows) {
        String directory = PartitionPublisher.versionDirectory(table, values, writeId);
        try {
            new Path(directory).getFileSystem(SharedMetastore.hadoopConf()).mkdirs(new Path(directory));
            int file = 0;
            for (int start = 0; start < rows; start += 1000, file++) {
                Path path = new Path(directory, String.format("part-%05d-%d.parquet", file, firstId));
                try (BatchWriter writer = new ParquetFileFormat().create(SharedMetastore.hadoopConf(), path, SCHEMA,
                        WriteOptions.defaults())) {
                    ColumnBatch.Builder batch = ColumnBatch.builder(SCHEMA);
                    for (int i = start; i < Math.min(rows, start + 1000); i++) {
                        batch.appendRow(firstId + i, "row-" + (firstId + i));
                    }
                    writer.write(batch.build());
                    writer.finish();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartitionOutput(values, directory, rows);
    }
}
