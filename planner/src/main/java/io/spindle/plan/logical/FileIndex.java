package io.spindle.plan.logical;

import io.spindle.formats.layout.PartitionDirectory;
import io.spindle.formats.layout.PartitionDiscovery;
import io.spindle.formats.layout.PartitionPruner;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a scan's files are and how to find the ones a query needs: the table roots, the format,
 * the partition columns, and (when the reader already listed them to learn the schema) the
 * listing. Lives on the driver only; planning calls {@link #select} with the filter the optimizer
 * pushed into the scan, so partitions that cannot match are dropped before any of their files is
 * opened. Without a cached listing (the user gave the schema), the walk itself is pruned and the
 * directories of dropped partitions are not even listed.
 *
 * <p>Compared by identity: a Scan keeps its index through every optimizer rewrite.
 */
public final class FileIndex {
    private final List<String> roots;
    private final FormatSpec format;
    private final Schema partitionSchema;
    private final List<TableLayout> listed;

    private FileIndex(List<String> roots, FormatSpec format, Schema partitionSchema, List<TableLayout> listed) {
        this.roots = List.copyOf(roots);
        this.format = Objects.requireNonNull(format, "format");
        this.partitionSchema = Objects.requireNonNull(partitionSchema, "partitionSchema");
        this.listed = listed == null ? null : List.copyOf(listed);
    }

    /** An index over layouts already discovered (one per root), pruned in memory at planning. */
    public static FileIndex listed(FormatSpec format, Schema partitionSchema, List<TableLayout> layouts) {
        return new FileIndex(layouts.stream().map(layout -> layout.root().toString()).toList(), format,
                partitionSchema, layouts);
    }

    /** An index that lists at planning time, with the partition columns typed as declared. */
    public static FileIndex deferred(FormatSpec format, List<String> roots, Schema partitionSchema) {
        return new FileIndex(roots, format, partitionSchema, null);
    }

    public FormatSpec format() {
        return format;
    }

    public List<String> roots() {
        return roots;
    }

    public Schema partitionSchema() {
        return partitionSchema;
    }

    public FileIndex withFormat(FormatSpec spec) {
        return new FileIndex(roots, spec, partitionSchema, listed);
    }

    /**
     * The partitions that might hold rows matching {@code filter}, with their files.
     *
     * @param partitionsBefore partitions before pruning, or -1 when the pruned walk never saw them
     */
    public record Selection(Schema partitionSchema, List<PartitionDirectory> partitions, int partitionsBefore) {
        public int files() {
            return partitions.stream().mapToInt(partition -> partition.files().size()).sum();
        }

        public String describe() {
            String before = partitionsBefore < 0 ? "" : " of " + partitionsBefore;
            return partitionSchema.size() == 0 ? files() + " files"
                    : partitions.size() + before + " partitions, " + files() + " files";
        }
    }

    public Selection select(Configuration conf, Optional<Predicate> filter) throws IOException {
        List<PartitionDirectory> kept = new ArrayList<>();
        if (listed != null) {
            int before = 0;
            for (TableLayout layout : listed) {
                before += layout.partitions().size();
                kept.addAll(filter.map(f -> PartitionPruner.prune(layout, f)).orElse(layout).partitions());
            }
            return new Selection(partitionSchema, kept, before);
        }
        PartitionDiscovery.Options options = PartitionDiscovery.Options.defaults().withPartitionSchema(partitionSchema);
        for (String root : roots) {
            Path path = new Path(root);
            FileSystem fs = path.getFileSystem(conf);
            kept.addAll(new PartitionDiscovery(fs, options).discover(path, filter).partitions());
        }
        return new Selection(partitionSchema, kept, -1);
    }

    @Override
    public String toString() {
        return format + " " + roots;
    }
}
