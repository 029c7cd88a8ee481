package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;

/**
 * Keeps rows whose condition is true (not false, not NULL): the condition is evaluated to a
 * boolean vector, turned into a selection of row indices, and the kept rows are gathered into a
 * compact batch. A batch whose rows all pass goes through without a copy.
 */
public final class FilterOperator extends StreamingOperator {
    private final VectorEvaluator condition;
    private final Schema schema;
    private int[] selection = new int[0];
    /** Reused for every output: downstream operators consume or copy a batch before asking for the next. */
    private ColumnBatch output;

    public FilterOperator(VectorEvaluator condition, Schema schema) {
        this.condition = condition;
        this.schema = schema;
    }

    @Override
    protected ColumnBatch process(ColumnBatch batch) {
        ColumnVector result = condition.evaluate(batch);
        int rows = batch.rowCount();
        if (selection.length < rows) {
            selection = new int[Math.max(rows, 1024)];
        }
        boolean[] values = ((BooleanVector) result).values();
        int selected = 0;
        if (result.noNulls()) {
            for (int r = 0; r < rows; r++) {
                selection[selected] = r;
                selected += values[r] ? 1 : 0; // branch-free selection
            }
        } else {
            boolean[] nulls = result.nulls();
            for (int r = 0; r < rows; r++) {
                selection[selected] = r;
                selected += values[r] & !nulls[r] ? 1 : 0;
            }
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
