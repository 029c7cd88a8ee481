package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A pipeline's output as rows of Java values, pulled a batch at a time as they are read; the
 * pipeline closes once its last row is read (or when it fails). Each row is copied out of its
 * batch before the next batch is pulled, so producers may reuse batches.
 */
final class PipelineRows implements Iterator<Object[]> {
    private final Pipeline pipeline;
    private ColumnVector[] columns;
    private int rows;
    private int next;
    private boolean done;

    PipelineRows(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public boolean hasNext() {
        while (!done && next >= rows) {
            pull();
        }
        return !done;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c].get(next);
        }
        next++;
        return row;
    }

    private void pull() {
        ColumnBatch batch;
        try {
            batch = pipeline.next();
        } catch (RuntimeException | Error e) {
            done = true;
            try {
                pipeline.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        if (batch == null) {
            done = true;
            columns = null;
            try {
                pipeline.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the pipeline failed: " + e, e);
            }
            return;
        }
        if (columns == null || columns.length != batch.columnCount()) {
            columns = new ColumnVector[batch.columnCount()];
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c] = batch.column(c);
        }
        rows = batch.rowCount();
        next = 0;
    }
}
