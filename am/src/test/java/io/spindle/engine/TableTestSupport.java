package io.spindle.engine;

import io.spindle.api.Session;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Shared pieces of the metastore table tests. The embedded metastore is the one the test defaults
 * file ({@code src/test/conf}) configures, under {@code target/}; each test class works in its own
 * fresh database.
 */
final class TableTestSupport {
    private TableTestSupport() {}

    static Session session(String appName) {
        return Session.builder().master("local[2]").appName(appName).getOrCreate();
    }

    /** A database that no earlier run of the tests used (the embedded metastore persists under target/). */
    static String newDatabase(Session session, String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        session.catalog().createDatabase(name, false);
        return name;
    }

    /** Writes {@code rows} (values per column) as one Parquet file of {@code schema} into {@code directory}. */
    static void writeParquet(Configuration conf, String directory, String fileName, Schema schema,
            List<Object[]> rows) {
        try {
            Path dir = new Path(directory);
            dir.getFileSystem(conf).mkdirs(dir);
            try (BatchWriter writer = new ParquetFileFormat().create(conf, new Path(dir, fileName), schema,
                    WriteOptions.defaults())) {
                ColumnBatch.Builder batch = ColumnBatch.builder(schema);
                for (Object[] row : rows) {
                    batch.appendRow(row);
                }
                writer.write(batch.build());
                writer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The visible data files directly in a directory (no _SUCCESS, no hidden files). */
    static List<FileStatus> dataFiles(Configuration conf, String location) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(conf);
            List<FileStatus> files = new ArrayList<>();
            if (!fs.exists(path)) {
                return files;
            }
            for (FileStatus status : fs.listStatus(path)) {
                String name = status.getPath().getName();
                if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(status);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under a directory, relative to it, sorted: what a path-based reader could see. */
    static List<String> tree(Configuration conf, String location) {
        try {
            Path root = new Path(location);
            FileSystem fs = root.getFileSystem(conf);
            List<String> paths = new ArrayList<>();
            String prefix = fs.makeQualified(root).toUri().getPath();
            collect(fs, fs.makeQualified(root), prefix, paths);
            paths.sort(null);
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(FileSystem fs, Path directory, String prefix, List<String> paths) throws IOException {
        for (FileStatus status : fs.listStatus(directory)) {
            paths.add(status.getPath().toUri().getPath().substring(prefix.length() + 1));
            if (status.isDirectory()) {
                collect(fs, status.getPath(), prefix, paths);
            }
        }
    }

    /** Partition name → location, the metastore's view of where each partition's data is. */
    static TreeMap<String, String> locations(List<CatalogPartition> partitions) {
        TreeMap<String, String> byName = new TreeMap<>();
        partitions.forEach(partition -> byName.put(partition.name(), partition.location()));
        return byName;
    }

    /** A DuckDB list literal of the Parquet files in the metastore's partition locations. */
    static String duckDbFileList(Configuration conf, List<CatalogPartition> partitions) {
        List<String> files = new ArrayList<>();
        for (CatalogPartition partition : partitions) {
            for (FileStatus file : dataFiles(conf, partition.location())) {
                files.add("'" + file.getPath().toUri().getPath() + "'");
            }
        }
        return "[" + String.join(", ", files) + "]";
    }
}
