package io.spindle.api;

import io.spindle.formats.FileFormat;
import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.physical.FileFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** {@code session.read().parquet(paths...)}: files as a Dataset; the schema comes from the first file. */
public final class DataFrameReader {
    private final Session session;

    DataFrameReader(Session session) {
        this.session = session;
    }

    public Dataset parquet(String... paths) {
        return format("parquet", paths);
    }

    public Dataset format(String formatName, String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("read() needs at least one path");
        }
        FileFormat format = FileFormats.byName(formatName);
        Configuration conf = session.hadoopConf();
        try {
            Path first = firstFile(new Path(paths[0]), conf);
            Schema schema = format.readSchema(conf, first);
            return new Dataset(session, Scan.create(formatName, List.of(paths), schema));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema of " + paths[0] + ": " + e.getMessage(), e);
        }
    }

    private static Path firstFile(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(path);
        if (status.isFile()) {
            return path;
        }
        for (FileStatus child : fs.listStatus(path)) {
            String name = child.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                return firstFile(child.getPath(), conf);
            }
        }
        throw new IOException("No data files under " + path);
    }
}
