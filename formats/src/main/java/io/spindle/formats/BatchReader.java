package io.spindle.formats;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.io.IOException;

/** Reads one split as column batches. Used by one thread; close it to release the file. */
public interface BatchReader extends AutoCloseable {
    /** The schema of every batch: the required schema the reader was opened with. */
    Schema schema();

    /**
     * The next batch of at least one row, or null when the split is exhausted. The reader may reuse
     * the returned batch object on the next call, so copy anything kept longer.
     *
     * @throws FormatException naming the file (and where possible the offset, row group and
     *     column) when the data is corrupt
     */
    ColumnBatch next() throws IOException;

    /** Work done so far: units of data read and skipped, bytes, rows. */
    ReadMetrics metrics();

    @Override
    void close() throws IOException;
}
