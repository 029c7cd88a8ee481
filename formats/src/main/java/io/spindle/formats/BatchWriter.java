package io.spindle.formats;

import io.spindle.formats.batch.ColumnBatch;
import java.io.IOException;

/**
 * Writes batches to one file. {@link #finish()} completes the file; {@link #close()} without a
 * finish abandons it and deletes what was written, so that try-with-resources never leaves a
 * truncated file behind after a failure.
 */
public interface BatchWriter extends AutoCloseable {
    /** Appends the batch's rows. The batch may be reused by the caller once this returns. */
    void write(ColumnBatch batch) throws IOException;

    /** Writes the footer and closes the file; returns what was written. Call at most once. */
    WrittenFile finish() throws IOException;

    /** Releases the file: a no-op after {@link #finish()}, otherwise deletes the partial file. */
    @Override
    void close() throws IOException;
}
