package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.util.List;

/**
 * Keeps rows whose condition is true (not false, not NULL): each conjunct of the condition narrows
 * a selection of row indices in turn (see {@link FilterConjunct}), then the kept rows are gathered
 * into a compact batch. A batch whose rows all pass goes through without a copy.
 */
public final class FilterOperator extends StreamingOperator {
    private final List<FilterConjunct> conjuncts;
    private final Schema schema;
    private int[] selection = new int[0];
    /** Reused for every output: downstream operators consume or copy a batch before asking for the next. */
    private ColumnBatch output;

    public FilterOperator(VectorEvaluator condition, Schema schema) {
        this(List.of(new FilterConjunct.Evaluated(condition)), schema);
    }

    FilterOperator(List<FilterConjunct> conjuncts, Schema schema) {
        this.conjuncts = conjuncts;
        this.schema = schema;
    }

    @Override
    protected ColumnBatch process(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (selection.length < rows) {
            selection = new int[Math.max(rows, 1024)];
        }
        for (int r = 0; r < rows; r++) {
            selection[r] = r;
        }
        int selected = rows;
        for (int c = 0; c < conjuncts.size() && selected > 0; c++) {
            selected = conjuncts.get(c).select(batch, selection, selected);
        }
        if (selected == rows) {
            return batch;
        }
        if (selected == 0) {
            return null;
        }
        if (output == null || capacity(output) < selected) {
            output = ColumnBatch.allocate(schema, Math.max(selected, rows));
        } else {
            output.reset();
        }
        for (int c = 0; c < schema.size(); c++) {
            Vectors.gather(batch.column(c), selection, 0, selected, output.column(c), 0);
        }
        output.setRowCount(selected);
        return output;
    }

    private static int capacity(ColumnBatch batch) {
        return batch.columnCount() == 0 ? Integer.MAX_VALUE : batch.column(0).capacity();
    }
}
