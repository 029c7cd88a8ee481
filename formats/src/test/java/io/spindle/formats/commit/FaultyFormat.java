package io.spindle.formats.commit;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A format that delegates to a real one, counts the writers open at once, and can fail a write on
 * purpose after a number of batches have been written — a task dying in the middle of its output.
 */
final class FaultyFormat implements FileFormat {
    private final FileFormat delegate;
    private final int failAfterBatches;
    private final AtomicInteger batchesWritten = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();

    /** @param failAfterBatches batches written successfully (over all writers) before one fails; -1 never */
    FaultyFormat(FileFormat delegate, int failAfterBatches) {
        this.delegate = delegate;
        this.failAfterBatches = failAfterBatches;
    }

    int maxOpenWriters() {
        return maxOpen.get();
    }

    int openWriters() {
        return open.get();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Schema readSchema(Configuration conf, Path file) throws IOException {
        return delegate.readSchema(conf, file);
    }

    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        return delegate.plan(fs, files, targetSplitBytes);
    }

    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        return delegate.open(conf, split, requiredSchema, pushed);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException {
        BatchWriter writer = delegate.create(conf, file, schema, options);
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        return new BatchWriter() {
            private boolean released;

            @Override
            public void write(ColumnBatch batch) throws IOException {
                if (failAfterBatches >= 0 && batchesWritten.get() >= failAfterBatches) {
                    throw new IOException("Injected failure after " + failAfterBatches + " batches");
                }
                writer.write(batch);
                batchesWritten.incrementAndGet();
            }

            @Override
            public WrittenFile finish() throws IOException {
                release();
                return writer.finish();
            }

            @Override
            public void close() throws IOException {
                release();
                writer.close();
            }

            private void release() {
                if (!released) {
                    released = true;
                    open.decrementAndGet();
                }
            }
        };
    }
}
