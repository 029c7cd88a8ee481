package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import java.util.List;

/**
 * A source followed by operators, pulled batch by batch: {@link #next()} moves batches along the
 * chain until the last operator has output or everything is finished. Operators pass each batch on
 * before they accept the next, so a producer's batch reuse is safe.
 */
public final class Pipeline implements AutoCloseable {
    private final Operator[] operators;
    private final boolean[] finishSent;

    public Pipeline(List<Operator> operators) {
        this.operators = operators.toArray(new Operator[0]);
        this.finishSent = new boolean[this.operators.length];
    }

    /** The next output batch of the last operator, or null when the pipeline is done. */
    public ColumnBatch next() {
        Operator last = operators[operators.length - 1];
        while (true) {
            ColumnBatch output = last.getOutput();
            if (output != null) {
                return output;
            }
            if (last.isFinished()) {
                return null;
            }
            if (!advance()) {
                throw new IllegalStateException("Pipeline stalled: no operator can make progress");
            }
        }
    }

    /** One pass from the source up; true if any batch moved or any operator was finished. */
    private boolean advance() {
        boolean progress = false;
        for (int i = operators.length - 2; i >= 0; i--) {
            Operator current = operators[i];
            Operator next = operators[i + 1];
            if (finishSent[i + 1]) {
                continue;
            }
            if (next.needsInput()) {
                ColumnBatch batch = current.getOutput();
                if (batch != null) {
                    next.addInput(batch);
                    return true; // let the batch travel on before pulling more
                }
            }
            if (current.isFinished()) {
                next.finish();
                finishSent[i + 1] = true;
                progress = true;
            }
        }
        return progress;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (Operator operator : operators) {
            try {
                operator.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
