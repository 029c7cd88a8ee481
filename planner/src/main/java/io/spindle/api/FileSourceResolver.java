package io.spindle.api;

import io.spindle.formats.FileFormat;
import io.spindle.formats.layout.PartitionDiscovery;
import io.spindle.formats.layout.PartitionPaths;
import io.spindle.formats.layout.SchemaMerger;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.layout.TableLayoutException;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.text.TextFileFormat;
import io.spindle.plan.logical.FileIndex;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.physical.FileFormats;
import io.spindle.plan.physical.FormatOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Turns {@code read().load(paths)} into a {@link Scan}: finds the partition columns of
 * {@code key=value} directories and the schema of the files.
 *
 * <ul>
 *   <li>With a schema from {@link DataFrameReader#schema} that names every partition column (found
 *       by descending the first path's first directories), nothing is listed or opened now; the
 *       scan lists at planning time, pruning the walk by the pushed filter.
 *   <li>Otherwise the directories are listed now, partition types inferred (or taken from the
 *       schema), and the listing kept for planning, which prunes it in memory.
 *   <li>The data schema, when not given: Parquet and ORC merge the footers of every file
 *       ({@code mergeSchema}, default true: int widens to long, added columns become nullable,
 *       anything else fails naming the column and both files); JSON merges the schemas inferred
 *       from each file; CSV infers from its first non-empty file, and reads every column as a
 *       string unless {@code inferSchema} is true, as Spark does.
 * </ul>
 */
final class FileSourceResolver {
    /** Which files a format's data schema is read from, and how; decided once from the format and its options. */
    private enum SchemaSource {
        /** The first non-empty file's schema alone (CSV, and Parquet or ORC with {@code mergeSchema} false). */
        FIRST_FILE,
        /** Every file's schema, inferred by reading it (JSON), one file after another, then merged. */
        EVERY_FILE_IN_TURN,
        /** Every file's footer (Parquet, ORC), read on several threads ({@link FooterReads}), then merged. */
        EVERY_FOOTER;

        static SchemaSource of(FormatSpec spec) {
            return switch (spec.name()) {
                case "parquet", "orc" -> spec.booleanOption("mergeSchema", true) ? EVERY_FOOTER : FIRST_FILE;
                case "json" -> EVERY_FILE_IN_TURN;
                default -> FIRST_FILE;
            };
        }
    }

    private final Configuration conf;

    FileSourceResolver(Configuration conf) {
        this.conf = conf;
    }

    Scan resolve(FormatSpec spec, Optional<Schema> userSchema, List<String> paths) {
        FormatOptions.checkReadOptions(spec);
        try {
            List<Path> roots = new ArrayList<>();
            for (String location : paths) {
                Path path = new Path(location);
                FileSystem fs = path.getFileSystem(conf);
                if (!fs.exists(path)) {
                    throw new FileNotFoundException("Path does not exist: " + fs.makeQualified(path));
                }
                roots.add(fs.makeQualified(path));
            }
            Optional<Schema> declared = userSchema.flatMap(schema -> declaredPartitions(roots.get(0), schema));
            if (declared.isPresent()) {
                Schema data = without(userSchema.get(), declared.get());
                FileIndex index = FileIndex.deferred(spec.withDataSchema(data),
                        roots.stream().map(Path::toString).toList(), declared.get());
                return Scan.create(index, userSchema.get());
            }
            List<TableLayout> layouts = new ArrayList<>();
            for (Path root : roots) {
                layouts.add(new PartitionDiscovery(root.getFileSystem(conf), PartitionDiscovery.Options.defaults())
                        .discover(root));
            }
            Schema partitionSchema = commonPartitionSchema(layouts);
            Schema data = userSchema.isPresent() ? without(userSchema.get(), partitionSchema)
                    : inferDataSchema(spec, layouts, paths);
            Schema fileSchema = layouts.get(0).withDataSchema(data).schema();
            if (userSchema.isPresent()) {
                fileSchema = withPartitionColumns(userSchema.get(), partitionSchema);
            }
            return Scan.create(FileIndex.listed(spec.withDataSchema(data), partitionSchema, layouts), fileSchema);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + String.join(", ", paths) + " as " + spec.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The partition columns the first directories below {@code root} name, typed by the user's
     * schema, if it has all of them (empty schema for an unpartitioned table).
     */
    private Optional<Schema> declaredPartitions(Path root, Schema userSchema) {
        try {
            FileSystem fs = root.getFileSystem(conf);
            List<String> columns = new ArrayList<>();
            Path dir = root;
            while (fs.getFileStatus(dir).isDirectory()) {
                Path next = null;
                for (FileStatus child : fs.listStatus(dir)) {
                    String name = child.getPath().getName();
                    if (child.isDirectory() && !PartitionPaths.isHidden(name)
                            && PartitionPaths.parseSegment(name).isPresent()) {
                        columns.add(PartitionPaths.parseSegment(name).get().column());
                        next = child.getPath();
                        break;
                    }
                }
                if (next == null) {
                    break;
                }
                dir = next;
            }
            if (!columns.stream().allMatch(userSchema::contains)) {
                return Optional.empty();
            }
            List<Field> fields = new ArrayList<>();
            columns.forEach(column -> fields.add(userSchema.field(column)));
            return Optional.of(new Schema(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static Schema commonPartitionSchema(List<TableLayout> layouts) throws TableLayoutException {
        Schema first = layouts.get(0).partitionSchema();
        for (TableLayout layout : layouts) {
            if (!layout.partitionSchema().names().equals(first.names())) {
                throw new TableLayoutException("The paths read together have different partition columns: "
                        + layouts.get(0).root() + " has " + first.names() + " but " + layout.root() + " has "
                        + layout.partitionSchema().names());
            }
        }
        return first;
    }

    private Schema inferDataSchema(FormatSpec spec, List<TableLayout> layouts, List<String> paths) throws IOException {
        if (spec.name().equals("text")) {
            return TextFileFormat.SCHEMA;
        }
        List<FileStatus> files = new ArrayList<>();
        layouts.forEach(layout -> files.addAll(layout.allFiles()));
        List<FileStatus> nonEmpty = files.stream().filter(file -> file.getLen() > 0).toList();
        if (nonEmpty.isEmpty()) {
            throw new IOException("no data files to infer the schema from; give it with read().schema(...)");
        }
        FileFormat format = FileFormats.create(spec, 1);
        SchemaSource source = SchemaSource.of(spec);
        Schema schema;
        if (source == SchemaSource.FIRST_FILE) {
            schema = format.readSchema(conf, nonEmpty.get(0).getPath());
        } else {
            Map<String, Schema> byFile = new LinkedHashMap<>();
            List<Schema> schemas = source == SchemaSource.EVERY_FOOTER ? FooterReads.readAll(format, conf, nonEmpty)
                    : FooterReads.readInTurn(format, conf, nonEmpty);
            for (int i = 0; i < nonEmpty.size(); i++) {
                byFile.put(nonEmpty.get(i).getPath().toString(), schemas.get(i));
            }
            schema = SchemaMerger.merge(byFile);
        }
        if (spec.name().equals("csv") && !spec.booleanOption("inferSchema", false)) {
            List<Field> strings = new ArrayList<>();
            schema.fields().forEach(field -> strings.add(new Field(field.name(), DataType.STRING, true)));
            schema = new Schema(strings);
        }
        return schema;
    }

    private static Schema without(Schema schema, Schema partitionSchema) {
        List<Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (!partitionSchema.contains(field.name())) {
                fields.add(field);
            }
        }
        return new Schema(fields);
    }

    private static Schema withPartitionColumns(Schema schema, Schema partitionSchema) {
        List<Field> fields = new ArrayList<>(schema.fields());
        for (Field field : partitionSchema.fields()) {
            if (!schema.contains(field.name())) {
                fields.add(field);
            }
        }
        return new Schema(fields);
    }
}
