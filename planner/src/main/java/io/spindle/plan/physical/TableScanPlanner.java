package io.spindle.plan.physical;

import io.spindle.formats.layout.PartitionDirectory;
import io.spindle.formats.layout.PartitionPaths;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.split.SplitPlanner;
import io.spindle.formats.text.TextFileFormat;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.logical.TableScan;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Plans a metastore table scan as one file scan over the selected partitions: each partition's
 * location is listed (only those, never the table's root), its files packed into combined splits
 * with the rest ({@link SplitPlanner}: small files together, big ones cut, block hosts for
 * locality), and the reader adds each file's partition values as columns, as for a path-based
 * partitioned read. The format and its options come from the table ({@link TableFormats}).
 *
 * <pre>
 * FileScan parquet [v#1, dt#2], 2 of 40 partitions, 3 files, 2 splits
 * </pre>
 *
 * Partitions without files add nothing; a table without any is an empty relation.
 */
final class TableScanPlanner {
    private final PlanningContext context;

    TableScanPlanner(PlanningContext context) {
        this.context = context;
    }

    PhysicalPlan plan(TableScan scan) {
        CatalogTable table = scan.table();
        FormatSpec spec = TableFormats.spec(table);
        List<PartitionDirectory> directories = new ArrayList<>();
        int partitionsBefore;
        if (!table.isPartitioned()) {
            partitionsBefore = 1;
            listed(table.location(), List.of()).ifPresent(directories::add);
        } else {
            PrunedPartitions selected = scan.selectedPartitions()
                    .orElseGet(() -> scan.source().select(table, Optional.ofNullable(scan.partitionPredicate())));
            partitionsBefore = selected.partitions().size();
            for (CatalogPartition partition : selected.partitions()) {
                listed(partition.location(), partition.values()).ifPresent(directories::add);
            }
        }
        if (directories.isEmpty()) {
            return new LocalRelationExec(scan.output(), List.of(), 1);
        }
        try {
            FileSystem fs = directories.get(0).path().getFileSystem(context.hadoopConf());
            SplitPlanner planner = new SplitPlanner(context.maxSplitBytes(), context.openCostBytes(),
                    Math.max(1, context.defaultParallelism()));
            List<CombinedSplit> splits = planner.plan(fs, FileFormats.create(spec, 1), table.partitionSchema(),
                    directories);
            String selection = table.isPartitioned() ? directories.size() + " of " + partitionsBefore
                    + " selected partitions with files" : "unpartitioned";
            boolean text = spec.name().equals("text");
            return new FileScanExec(spec, requiredSchema(scan, text), text ? null : scan.filePredicate(), scan.output(),
                    splits, selection);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot plan the files of " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The columns the reader returns, in output order: data columns under their file names
     * (a text table's one column is the reader's {@code value}, whatever the table calls it),
     * partition columns under theirs, filled from each file's partition values.
     */
    private static Schema requiredSchema(TableScan scan, boolean text) {
        List<Field> fields = new ArrayList<>();
        for (ColumnRef column : scan.output()) {
            if (scan.isPartitionColumn(column)) {
                fields.add(scan.table().partitionSchema().field(column.name()));
            } else {
                fields.add(text ? TextFileFormat.SCHEMA.field(0) : scan.table().dataSchema().field(column.name()));
            }
        }
        return new Schema(fields);
    }

    /** The data files of a location with the partition's values; empty when it has none or is gone. */
    private Optional<PartitionDirectory> listed(String location, List<Object> values) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(context.hadoopConf());
            List<FileStatus> files = new ArrayList<>();
            try {
                collectFiles(fs, fs.getFileStatus(path), files);
            } catch (FileNotFoundException e) {
                return Optional.empty(); // a partition whose directory is gone reads as empty, as in Hive
            }
            return files.isEmpty() ? Optional.empty()
                    : Optional.of(new PartitionDirectory(fs.makeQualified(path), values, files));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of " + location + ": " + e.getMessage(), e);
        }
    }

    /** Data files of a location, recursively, skipping hidden names (_SUCCESS, staging directories). */
    private static void collectFiles(FileSystem fs, FileStatus status, List<FileStatus> files) throws IOException {
        if (status.isFile()) {
            files.add(status);
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            if (!PartitionPaths.isHidden(child.getPath().getName())) {
                collectFiles(fs, child, files);
            }
        }
    }
}
