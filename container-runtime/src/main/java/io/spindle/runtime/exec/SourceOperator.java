package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;

/** The first operator of a pipeline: produces batches from a split, shuffle partition or literal rows. */
public abstract class SourceOperator implements Operator {
    private boolean finished;

    /** The next batch, or null when exhausted. */
    protected abstract ColumnBatch next() throws Exception;

    @Override
    public final boolean needsInput() {
        return false;
    }

    @Override
    public final void addInput(ColumnBatch batch) {
        throw new IllegalStateException(getClass().getSimpleName() + " takes no input");
    }

    @Override
    public final ColumnBatch getOutput() {
        if (finished) {
            return null;
        }
        try {
            ColumnBatch batch = next();
            while (batch != null && batch.rowCount() == 0) {
                batch = next();
            }
            if (batch == null) {
                finished = true;
            }
            return batch;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(getClass().getSimpleName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public final void finish() {
        finished = true;
    }

    @Override
    public final boolean isFinished() {
        return finished;
    }
}
