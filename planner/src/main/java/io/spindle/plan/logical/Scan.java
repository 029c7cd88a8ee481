package io.spindle.plan.logical;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Files of one format. {@link #output()} is the columns read, a subset of the file schema once
 * columns are pruned. {@code pushedPredicate} (nullable) is advisory: the reader may skip data that
 * cannot match, but the filter above the scan stays.
 */
public record Scan(String format, List<String> paths, Schema fileSchema, List<ColumnRef> output,
        Predicate pushedPredicate) implements LogicalPlan {

    public Scan {
        paths = List.copyOf(paths);
        output = List.copyOf(output);
    }

    /** A scan of every column of the files, with fresh column ids. */
    public static Scan create(String format, List<String> paths, Schema fileSchema) {
        List<ColumnRef> output = new ArrayList<>();
        for (Field field : fileSchema.fields()) {
            output.add(ColumnRef.create(field.name(), field.type(), field.nullable()));
        }
        return new Scan(format, paths, fileSchema, output, null);
    }

    public Scan withOutput(List<ColumnRef> columns) {
        return new Scan(format, paths, fileSchema, columns, pushedPredicate);
    }

    public Scan withPushedPredicate(Predicate predicate) {
        return new Scan(format, paths, fileSchema, output, predicate);
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
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        return this;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return this;
    }

    @Override
    public String nodeString() {
        return "Scan " + format + " " + PlanText.list(output)
                + (pushedPredicate == null ? "" : " pushed=[" + pushedPredicate + "]");
    }
}
