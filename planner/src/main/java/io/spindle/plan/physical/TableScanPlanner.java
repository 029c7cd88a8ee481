package io.spindle.plan.physical;

import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
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
 * Plans a metastore table scan with the engine's existing operators: per selected partition, a
 * file scan of the partition's location (data columns only, as Hive lays tables out) under a
 * project that adds the partition's values as constants; the partitions side by side in a union.
 *
 * <pre>
 * Union
 * :- Project [v#1, DATE '2026-10-01' AS dt#2]
 * :  +- FileScan parquet [v#1], 1 splits          (files of dt=2026-10-01's location)
 * +- Project [v#1, DATE '2026-10-02' AS dt#2]
 *    +- FileScan parquet [v#1], 2 splits
 * </pre>
 *
 * Only the selected partitions' directories are listed. Partitions without files are left out;
 * a table without any is an empty relation.
 */
final class TableScanPlanner {
    private final PlanningContext context;

    TableScanPlanner(PlanningContext context) {
        this.context = context;
    }

    PhysicalPlan plan(TableScan scan) {
        CatalogTable table = scan.table();
        String format = formatName(table);
        List<ColumnRef> dataColumns = new ArrayList<>();
        for (ColumnRef column : scan.output()) {
            if (!scan.isPartitionColumn(column)) {
                dataColumns.add(column);
            }
        }
        // A text table's one column is the reader's "value", whatever the table calls it.
        io.spindle.formats.types.Schema fileSchema = format.equals("text")
                ? (dataColumns.isEmpty() ? new io.spindle.formats.types.Schema(List.of())
                        : io.spindle.formats.text.TextFileFormat.SCHEMA)
                : scan.requiredDataSchema();
        io.spindle.formats.predicate.Predicate filePredicate = format.equals("text") ? null : scan.filePredicate();
        if (!table.isPartitioned()) {
            List<FileSplit> splits = splits(format, table.location());
            return splits.isEmpty() ? empty(scan)
                    : new FileScanExec(format, fileSchema, filePredicate, dataColumns, splits);
        }
        PrunedPartitions selected = scan.selectedPartitions()
                .orElseGet(() -> scan.source().select(table, Optional.ofNullable(scan.partitionPredicate())));
        List<PhysicalPlan> children = new ArrayList<>();
        for (CatalogPartition partition : selected.partitions()) {
            List<FileSplit> splits = splits(format, partition.location());
            if (splits.isEmpty()) {
                continue;
            }
            FileScanExec files = new FileScanExec(format, fileSchema, filePredicate, dataColumns, splits);
            children.add(new ProjectExec(withPartitionValues(scan, partition), scan.output(), files));
        }
        if (children.isEmpty()) {
            return empty(scan);
        }
        return children.size() == 1 ? children.get(0) : new UnionExec(scan.output(), children);
    }

    private static List<Expression> withPartitionValues(TableScan scan, CatalogPartition partition) {
        List<Expression> projections = new ArrayList<>();
        for (ColumnRef column : scan.output()) {
            if (scan.isPartitionColumn(column)) {
                int index = scan.table().partitionSchema().findIndex(column.name()).orElseThrow();
                projections.add(new Alias(new Literal(partition.values().get(index), column.dataType()), column.name(),
                        column.id()));
            } else {
                projections.add(column);
            }
        }
        return projections;
    }

    private static PhysicalPlan empty(TableScan scan) {
        return new LocalRelationExec(scan.output(), List.of(), 1);
    }

    private List<FileSplit> splits(String formatName, String location) {
        FileFormat format = FileFormats.byName(formatName);
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(context.hadoopConf());
            List<FileStatus> files = new ArrayList<>();
            try {
                collectFiles(fs, fs.getFileStatus(path), files);
            } catch (FileNotFoundException e) {
                return List.of(); // a partition whose directory is gone reads as empty, as in Hive
            }
            return files.isEmpty() ? List.of() : format.plan(fs, files, context.maxSplitBytes());
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
            String name = child.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                collectFiles(fs, child, files);
            }
        }
    }

    private static String formatName(CatalogTable table) {
        StorageFormat format = table.format();
        switch (format) {
            case PARQUET:
                return "parquet";
            case ORC:
                return "orc";
            case TEXT:
                return "text";
            case CSV:
            case JSON:
                throw new UnsupportedOperationException("Table " + table.name() + " is stored as " + format + "; the "
                        + "engine's table scan reads Parquet, ORC and single-column text tables so far. Read its files "
                        + "with session.read() instead, or copy it into a Parquet table.");
        }
        throw new AssertionError(format);
    }
}
