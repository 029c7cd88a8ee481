package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;

/** An operator that turns each input batch into at most one output batch, holding nothing else. */
public abstract class StreamingOperator implements Operator {
    private ColumnBatch pending;
    private boolean finishing;

    /** The output for one input batch, or null when it yields no rows. */
    protected abstract ColumnBatch process(ColumnBatch batch);

    /** Whether the operator wants no more input (a satisfied limit). */
    protected boolean done() {
        return false;
    }

    @Override
    public boolean needsInput() {
        return pending == null && !finishing && !done();
    }

    @Override
    public void addInput(ColumnBatch batch) {
        ColumnBatch output = process(batch);
        pending = output == null || output.rowCount() == 0 ? null : output;
    }

    @Override
    public ColumnBatch getOutput() {
        ColumnBatch output = pending;
        pending = null;
        return output;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return pending == null && (finishing || done());
    }
}
