package io.spindle.minicluster;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.jobs.cluster.EmbeddedCluster;
import io.spindle.plan.physical.FileScanExec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Dataset file API on HDFS (a local[2] session whose default file system is the mini
 * cluster's): a partitioned write committed by renames on the NameNode, read back with a
 * partition filter that opens only the matching partition's files, splits that carry the
 * DataNodes' hosts for locality, and a dynamic overwrite that replaces only the touched partition.
 */
@ExtendWith(MiniClusterExtension.class)
class DatasetHdfsFilesTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.DOUBLE),
            Field.of("region", DataType.STRING));

    private final EmbeddedCluster cluster;

    DatasetHdfsFilesTest(EmbeddedCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void partitionedParquetOnHdfsIsPrunedLocatedAndDynamicallyOverwritten() throws Exception {
        FileSystem fs = cluster.fileSystem();
        String output = "/it/dataset-files/sales";
        List<Row> first = rows(3_000, 1, new String[] {"eu", "us", "apac"});
        try (Session session = Session.builder().master("local[2]").appName("dataset-hdfs")
                .config("spindle.hadoop.fs.defaultFS", fs.getUri().toString()).getOrCreate()) {
            session.createDataset(first, SCHEMA).write().partitionBy("region").parquet(output);

            Dataset eu = session.read().parquet(output).filter(col("region").equalTo(lit("eu")));
            List<Row> euRows = eu.collectAsList();
            assertThat(text(euRows)).isEqualTo(text(first.stream().filter(r -> r.getString(2).equals("eu")).toList()));
            assertThat(session.lastScanMetrics().filesOpened()).isEqualTo(dataFiles(fs, new Path(output, "region=eu")));
            List<String> hosts = new ArrayList<>();
            eu.queryExecution().physical().transformUp(node -> {
                if (node instanceof FileScanExec scan) {
                    scan.splits().stream().map(CombinedSplit::hosts).forEach(hosts::addAll);
                }
                return node;
            });
            assertThat(hosts).as("preferred hosts of the splits").isNotEmpty();

            List<Row> second = rows(200, 2, new String[] {"us"});
            session.createDataset(second, SCHEMA).write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
                    .partitionBy("region").parquet(output);
            List<Row> expected = new ArrayList<>(second);
            first.stream().filter(r -> !r.getString(2).equals("us")).forEach(expected::add);
            assertThat(text(session.read().parquet(output).collectAsList())).isEqualTo(text(expected));
        }
        for (FileStatus sibling : fs.listStatus(new Path(output).getParent())) {
            assertThat(sibling.getPath().getName()).doesNotStartWith(".spindle-staging");
        }
    }

    private static List<Row> rows(int count, int version, String[] regions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Row.of((long) i, version * 10_000.0 + i, regions[i % regions.length]));
        }
        return rows;
    }

    private static long dataFiles(FileSystem fs, Path directory) throws Exception {
        long files = 0;
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(directory, true);
        while (listing.hasNext()) {
            if (listing.next().getPath().getName().startsWith("part-")) {
                files++;
            }
        }
        return files;
    }

    private static List<String> text(List<Row> rows) {
        return rows.stream().map(row -> row.toList().toString()).sorted(Comparator.naturalOrder()).toList();
    }
}
