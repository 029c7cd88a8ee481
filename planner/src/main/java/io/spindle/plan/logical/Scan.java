package io.spindle.plan.logical;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Files of one format. {@link #output()} is the columns read, a subset of the file schema once
 * columns are pruned; the file schema includes the partition columns of {@code key=value}
 * directories. {@code pushedPredicate} (nullable) is advisory: the reader may skip data that
 * cannot match, but the filter above the scan stays. Its conjuncts on partition columns prune
 * whole partitions before their files are opened (see {@link FileIndex}).
 *
 * @param index where the files are, with the format's options; null for a scan built from paths
 *     alone ({@link #create}), whose directories are discovered with inferred types when planned
 */
public record Scan(String format, List<String> paths, Schema fileSchema, List<ColumnRef> output,
        Predicate pushedPredicate, FileIndex index) implements LeafPlan {

    public Scan {
        paths = List.copyOf(paths);
        output = List.copyOf(output);
    }

    public Scan(String format, List<String> paths, Schema fileSchema, List<ColumnRef> output,
            Predicate pushedPredicate) {
        this(format, paths, fileSchema, output, pushedPredicate, null);
    }

    /** A scan of every column of the table {@code index} describes, with fresh column ids. */
    public static Scan create(FileIndex index, Schema fileSchema) {
        return new Scan(index.format().name(), index.roots(), fileSchema, freshColumns(fileSchema), null, index);
    }

    /** The format and its options: the index's when there is one. */
    public FormatSpec formatSpec() {
        return index == null ? FormatSpec.of(format) : index.format();
    }

    /** A scan of every column of the files, with fresh column ids. */
    public static Scan create(String format, List<String> paths, Schema fileSchema) {
        return new Scan(format, paths, fileSchema, freshColumns(fileSchema), null, null);
    }

    private static List<ColumnRef> freshColumns(Schema fileSchema) {
        List<ColumnRef> output = new ArrayList<>();
        for (Field field : fileSchema.fields()) {
            output.add(ColumnRef.create(field.name(), field.type(), field.nullable()));
        }
        return output;
    }

    public Scan withOutput(List<ColumnRef> columns) {
        return new Scan(format, paths, fileSchema, columns, pushedPredicate, index);
    }

    public Scan withPushedPredicate(Predicate predicate) {
        return new Scan(format, paths, fileSchema, output, predicate, index);
    }

    /** The schema the reader is asked for: the output columns under their file names. */
    public Schema requiredSchema() {
        List<Field> fields = new ArrayList<>();
        for (ColumnRef column : output) {
            fields.add(fileSchema.field(column.name()));
        }
        return new Schema(fields);
    }

    @Override
    public String nodeString() {
        return "Scan " + format + " " + PlanText.list(output)
                + (pushedPredicate == null ? "" : " pushed=[" + pushedPredicate + "]");
    }
}
