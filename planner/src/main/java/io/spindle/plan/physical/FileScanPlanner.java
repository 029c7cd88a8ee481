package io.spindle.plan.physical;

import io.spindle.formats.FileFormat;
import io.spindle.formats.layout.PartitionDiscovery;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.split.SplitPlanner;
import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.FileIndex;
import io.spindle.plan.logical.Scan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Plans a {@link Scan}: selects the partitions its pushed filter might match (no file of a
 * dropped partition is opened; see {@link FileIndex}), then packs the survivors' files into splits
 * of about {@code spindle.files.maxPartitionBytes} with {@link SplitPlanner}, small files together
 * and big ones cut on row-group / stripe / line boundaries, each split with its block hosts.
 */
final class FileScanPlanner {
    private final PlanningContext context;

    FileScanPlanner(PlanningContext context) {
        this.context = context;
    }

    FileScanExec plan(Scan scan) {
        try {
            FileIndex index = scan.index() != null ? scan.index() : discover(scan);
            FileIndex.Selection selection = index.select(context.hadoopConf(), Optional.ofNullable(scan.pushedPredicate()));
            FileFormat format = FileFormats.create(index.format(), 1);
            List<CombinedSplit> splits = List.of();
            if (!selection.partitions().isEmpty()) {
                FileSystem fs = new Path(index.roots().get(0)).getFileSystem(context.hadoopConf());
                SplitPlanner planner = new SplitPlanner(context.maxSplitBytes(), context.openCostBytes(),
                        Math.max(1, context.defaultParallelism()));
                splits = planner.plan(fs, format, selection.partitionSchema(), selection.partitions());
            }
            return new FileScanExec(index.format(), scan.requiredSchema(), scan.pushedPredicate(), scan.output(),
                    splits, selection.describe());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the input of " + scan.nodeString() + ": " + e.getMessage(), e);
        }
    }

    /** A scan built from paths alone: its directories discovered now, partition types inferred. */
    private FileIndex discover(Scan scan) throws IOException {
        List<TableLayout> layouts = new ArrayList<>();
        for (String location : scan.paths()) {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(context.hadoopConf());
            layouts.add(new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()).discover(path));
        }
        Schema partitionSchema = layouts.isEmpty() ? new Schema(List.of()) : layouts.get(0).partitionSchema();
        return FileIndex.listed(scan.formatSpec(), partitionSchema, layouts);
    }
}
