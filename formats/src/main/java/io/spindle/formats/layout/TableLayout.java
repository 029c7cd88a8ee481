package io.spindle.formats.layout;

import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What a table directory holds: its partitions and their files. {@code dataSchema} is the schema
 * of the files' columns when known (discovery does not open files; see {@link SchemaMerger});
 * {@code partitionSchema} is empty for an unpartitioned table, whose one partition is the root.
 */
public record TableLayout(Path root, Optional<Schema> dataSchema, Schema partitionSchema,
        List<PartitionDirectory> partitions) {
    public TableLayout {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(partitionSchema, "partitionSchema");
        partitions = List.copyOf(partitions);
    }

    public TableLayout withDataSchema(Schema schema) {
        return new TableLayout(root, Optional.of(schema), partitionSchema, partitions);
    }

    public TableLayout withPartitions(List<PartitionDirectory> kept) {
        return new TableLayout(root, dataSchema, partitionSchema, kept);
    }

    /**
     * The columns a reader of the table sees: the data columns, then the partition columns. A data
     * column named like a partition column is dropped: the directory value wins, as in Spark and
     * Hive, because it is what the partition was selected by.
     */
    public Schema schema() {
        Schema data = dataSchema.orElseThrow(() -> new IllegalStateException(
                "The data schema of " + root + " is not known yet; merge the files' schemas first"));
        List<Field> fields = new ArrayList<>();
        for (Field field : data.fields()) {
            if (!partitionSchema.contains(field.name())) {
                fields.add(field);
            }
        }
        fields.addAll(partitionSchema.fields());
        return new Schema(fields);
    }

    /** Every data file, partition by partition. */
    public List<FileStatus> allFiles() {
        List<FileStatus> files = new ArrayList<>();
        partitions.forEach(partition -> files.addAll(partition.files()));
        return files;
    }
}
