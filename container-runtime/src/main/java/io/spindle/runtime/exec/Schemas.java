package io.spindle.runtime.exec;

import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/** Schemas of intermediate batches. */
public final class Schemas {
    private Schemas() {}

    /**
     * Columns named c0, c1, ... by position: intermediate batches are addressed by position, and
     * their columns' names (two "count"s after a rename, say) need not be unique.
     */
    public static Schema positional(List<ColumnRef> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            fields.add(new Field("c" + i, columns.get(i).dataType(), true));
        }
        return new Schema(fields);
    }

    /** The columns under their own names, for files a query writes. */
    public static Schema named(List<ColumnRef> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (ColumnRef column : columns) {
            fields.add(new Field(column.name(), column.dataType(), column.nullable()));
        }
        return new Schema(fields);
    }
}
