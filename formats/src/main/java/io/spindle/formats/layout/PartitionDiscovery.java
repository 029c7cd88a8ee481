package io.spindle.formats.layout;

import io.spindle.formats.layout.PartitionPaths.Segment;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the partitions and data files of a table directory laid out as Hive and Spark lay it out:
 * {@code root/a=1/b=x/part-0.parquet}. Only directories are listed; no file is opened.
 *
 * <p>Rules: names starting with {@code _} or {@code .} are skipped ({@link PartitionPaths#isHidden}),
 * so {@code _SUCCESS}, {@code _temporary} and {@code .spindle-staging-*} never count as data. A
 * directory that is not {@code column=value} adds no column (its files belong to the enclosing
 * partition). Directories without data files are not partitions. Every partition must have the
 * same columns in the same order, and data files may not sit beside partition directories; a
 * violation fails naming two directories that disagree.
 *
 * <p>Types come from {@link Options#partitionSchema} when given, otherwise they are inferred as
 * {@link PartitionTypeInference} describes (or all strings when inference is off). With a filter,
 * partitions that cannot match are dropped; when types are known before the walk (given schema, or
 * inference off) they are dropped during the walk, so their directories are not even listed.
 * Listing uses {@link FileSystem#listLocatedStatus}, which on HDFS returns block locations with the
 * listing, so split planning needs no further calls to the NameNode. On the local file system it
 * uses {@link FileSystem#listStatus} instead: a located status there asks each file for its
 * permissions, which without Hadoop's native library forks an {@code ls} process per file.
 */
public final class PartitionDiscovery {
    private final FileSystem fs;
    private final Options options;

    public PartitionDiscovery(FileSystem fs, Options options) {
        this.fs = Objects.requireNonNull(fs, "fs");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** How partition values are typed. {@code timeZone} reads and writes timestamp values, as Spark's session zone. */
    public record Options(Optional<Schema> partitionSchema, boolean inferTypes, ZoneId timeZone) {
        public static Options defaults() {
            return new Options(Optional.empty(), true, ZoneOffset.UTC);
        }

        public Options withPartitionSchema(Schema schema) {
            return new Options(Optional.of(schema), inferTypes, timeZone);
        }

        public Options withTypeInference(boolean enabled) {
            return new Options(partitionSchema, enabled, timeZone);
        }

        public Options withTimeZone(ZoneId zone) {
            return new Options(partitionSchema, inferTypes, zone);
        }
    }

    public TableLayout discover(Path root) throws IOException {
        return discover(root, Optional.empty());
    }

    /** The table's layout, keeping only the partitions that might satisfy {@code filter}. */
    public TableLayout discover(Path root, Optional<Predicate> filter) throws IOException {
        Path qualified = fs.makeQualified(root);
        Map<List<Segment>, RawPartition> found = new LinkedHashMap<>();
        FileStatus rootStatus = fs.getFileStatus(qualified);
        if (rootStatus.isFile()) {
            found.put(List.of(), new RawPartition(qualified.getParent(), List.of(), new ArrayList<>(List.of(rootStatus))));
        } else {
            walk(qualified, qualified, List.of(), filter.filter(unused -> typesKnownBeforeWalk()), found);
        }
        List<RawPartition> partitions = new ArrayList<>(found.values());
        partitions.sort(Comparator.comparing(partition -> partition.path.toString()));
        Schema partitionSchema = partitionSchema(partitions);
        List<PartitionDirectory> typed = new ArrayList<>();
        for (RawPartition partition : partitions) {
            List<Object> values = values(partition, partitionSchema);
            if (filter.isEmpty() || PartitionPruner.mightMatch(filter.get(), partitionSchema, values)) {
                partition.files.sort(Comparator.comparing(file -> file.getPath().toString()));
                typed.add(new PartitionDirectory(partition.path, values, partition.files));
            }
        }
        return new TableLayout(qualified, Optional.empty(), partitionSchema, typed);
    }

    private boolean typesKnownBeforeWalk() {
        return options.partitionSchema().isPresent() || !options.inferTypes();
    }

    private void walk(Path dir, Path partitionPath, List<Segment> spec, Optional<Predicate> walkFilter,
            Map<List<Segment>, RawPartition> found) throws IOException {
        List<Path> subdirectories = new ArrayList<>();
        for (FileStatus status : list(dir)) {
            if (PartitionPaths.isHidden(status.getPath().getName())) {
                continue;
            }
            if (status.isDirectory()) {
                subdirectories.add(status.getPath());
            } else {
                found.computeIfAbsent(spec, unused -> new RawPartition(partitionPath, spec, new ArrayList<>()))
                        .files.add(status);
            }
        }
        subdirectories.sort(Comparator.naturalOrder());
        for (Path subdirectory : subdirectories) {
            Optional<Segment> segment = PartitionPaths.parseSegment(subdirectory.getName());
            if (segment.isEmpty()) {
                walk(subdirectory, partitionPath, spec, walkFilter, found);
                continue;
            }
            List<Segment> childSpec = new ArrayList<>(spec);
            childSpec.add(segment.get());
            if (walkFilter.isEmpty() || prefixMightMatch(walkFilter.get(), childSpec)) {
                walk(subdirectory, subdirectory, List.copyOf(childSpec), walkFilter, found);
            }
        }
    }

    private List<FileStatus> list(Path dir) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            return java.util.Arrays.asList(fs.listStatus(dir));
        }
        List<FileStatus> statuses = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> listing = fs.listLocatedStatus(dir);
        while (listing.hasNext()) {
            statuses.add(listing.next());
        }
        return statuses;
    }

    /** Whether a partially walked partition (the columns seen so far) might match; unknown columns might. */
    private boolean prefixMightMatch(Predicate filter, List<Segment> prefix) {
        List<Field> fields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Segment segment : prefix) {
            Optional<DataType> type = options.partitionSchema().isPresent()
                    ? options.partitionSchema().get().findIndex(segment.column())
                            .map(index -> options.partitionSchema().get().field(index).type())
                    : Optional.of(DataType.STRING);
            if (type.isEmpty() || fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(segment.column()))) {
                return true; // malformed layout: let the full check after the walk report it
            }
            try {
                values.add(PartitionTypeInference.convert(segment.value(), type.get(), options.timeZone()));
            } catch (IllegalArgumentException e) {
                return true; // reported with the path after the walk
            }
            fields.add(Field.of(segment.column(), type.get()));
        }
        return PartitionPruner.mightMatch(filter, new Schema(fields), values);
    }

    /** The partition columns every partition agrees on, typed as declared or inferred. */
    private Schema partitionSchema(List<RawPartition> partitions) throws TableLayoutException {
        if (partitions.isEmpty()) {
            return options.partitionSchema().orElse(new Schema(List.of()));
        }
        RawPartition first = partitions.get(0);
        for (RawPartition partition : partitions) {
            if (!columnKey(partition).equals(columnKey(first))) {
                throw new TableLayoutException("Conflicting partition directories under one table: " + first.path
                        + " has partition columns " + columnNames(first) + " but " + partition.path + " has "
                        + columnNames(partition) + ". Data files must be in leaf directories, and directories at "
                        + "the same depth must name the same partition column.");
            }
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < first.spec.size(); i++) {
            String column = first.spec.get(i).column();
            fields.add(Field.of(column, columnType(column, i, partitions)));
        }
        Schema schema = new Schema(fields);
        if (options.partitionSchema().isPresent() && options.partitionSchema().get().size() != schema.size()) {
            throw new TableLayoutException("The declared partition columns " + options.partitionSchema().get()
                    + " differ from the directories' " + columnNames(first) + " under " + first.path);
        }
        return schema;
    }

    private DataType columnType(String column, int index, List<RawPartition> partitions) throws TableLayoutException {
        if (options.partitionSchema().isPresent()) {
            Schema declared = options.partitionSchema().get();
            if (!declared.contains(column)) {
                throw new TableLayoutException("Directory " + partitions.get(0).path + " has partition column '"
                        + column + "', which the declared partition schema " + declared + " lacks");
            }
            return declared.field(column).type();
        }
        if (!options.inferTypes()) {
            return DataType.STRING;
        }
        DataType type = null;
        for (RawPartition partition : partitions) {
            String raw = partition.spec.get(index).value();
            if (raw != null) {
                type = PartitionTypeInference.wider(type, PartitionTypeInference.infer(raw));
            }
        }
        return type == null ? DataType.STRING : type; // only nulls: Spark's choice too
    }

    private List<Object> values(RawPartition partition, Schema schema) throws TableLayoutException {
        List<Object> values = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            Segment segment = partition.spec.get(i);
            try {
                values.add(PartitionTypeInference.convert(segment.value(), schema.field(i).type(), options.timeZone()));
            } catch (IllegalArgumentException e) {
                throw new TableLayoutException("Partition directory " + partition.path + ": value '" + segment.value()
                        + "' of column '" + segment.column() + "' does not fit " + schema.field(i).type(), e);
            }
        }
        return values;
    }

    private static List<String> columnKey(RawPartition partition) {
        return partition.spec.stream().map(segment -> segment.column().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> columnNames(RawPartition partition) {
        return partition.spec.stream().map(Segment::column).toList();
    }

    /** A partition before typing: its directory, its raw {@code column=value} segments and its files. */
    private record RawPartition(Path path, List<Segment> spec, List<FileStatus> files) {}
}
