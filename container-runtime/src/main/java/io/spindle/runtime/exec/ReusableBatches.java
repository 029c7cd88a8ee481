package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Output batches an operator reuses instead of allocating one per output. A pipeline's consumer is
 * done with a batch once it asks the producer for the next one, so the batch an operator returned
 * last is free again when {@link #releaseLast} runs at the start of its next getOutput. Only batches
 * taken from here are kept, and only a few.
 */
final class ReusableBatches {
    private static final int SPARE = 4;

    private final Schema schema;
    private final ArrayDeque<ColumnBatch> spare = new ArrayDeque<>();
    private final Set<ColumnBatch> own = Collections.newSetFromMap(new IdentityHashMap<>());
    private ColumnBatch last;

    ReusableBatches(Schema schema) {
        this.schema = schema;
    }

    /** An empty batch of the schema with room for {@code rows} rows. */
    ColumnBatch take(int rows) {
        ColumnBatch batch = spare.poll();
        if (batch == null) {
            batch = ColumnBatch.allocate(schema, Math.max(1, rows));
            if (own.size() < 2 * SPARE) {
                own.add(batch);
            }
        } else {
            batch.reset();
        }
        return batch;
    }

    /** Records the batch handed to the consumer; it is released by the next {@link #releaseLast}. */
    ColumnBatch handOut(ColumnBatch batch) {
        last = batch;
        return batch;
    }

    void releaseLast() {
        if (last != null) {
            recycle(last);
            last = null;
        }
    }

    /** Takes back a batch nothing reads any more (one never handed out, or released). */
    void recycle(ColumnBatch batch) {
        if (!own.contains(batch)) {
            return;
        }
        if (spare.size() < SPARE) {
            spare.push(batch);
        } else {
            own.remove(batch);
        }
    }
}
