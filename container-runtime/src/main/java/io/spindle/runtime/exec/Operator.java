package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;

/**
 * A physical operator as a small state machine, driven by {@link Pipeline}: while
 * {@link #needsInput()} it takes batches through {@link #addInput}; {@link #getOutput()} returns a
 * batch when one is ready (null otherwise); {@link #finish()} says no more input will come; it is
 * {@link #isFinished()} once it has returned all its output. A batch passed to addInput may be
 * reused by its producer after the call returns, so an operator that keeps rows copies them.
 */
public interface Operator extends AutoCloseable {

    boolean needsInput();

    void addInput(ColumnBatch batch);

    ColumnBatch getOutput();

    void finish();

    boolean isFinished();

    /** Releases memory and files; called once, also after a failure. */
    @Override
    default void close() throws Exception {
    }
}
