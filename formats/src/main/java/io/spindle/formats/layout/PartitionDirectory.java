package io.spindle.formats.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * One partition of a table: its directory, its values (in the order of the layout's partition
 * schema, Java values of {@link io.spindle.formats.types.TypeKind}, null for the default partition)
 * and its data files. The files carry block locations when the listing provided them.
 */
public record PartitionDirectory(Path path, List<Object> values, List<FileStatus> files) {
    public PartitionDirectory {
        Objects.requireNonNull(path, "path");
        // Partition values may be null, which List.copyOf rejects.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileStatus::getLen).sum();
    }
}
