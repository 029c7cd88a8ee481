package io.spindle.runtime.exec;

import io.spindle.formats.BatchReader;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.shuffle.ShuffleReader;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;

/** The source operators: file splits, literal rows, ranges, shuffle partitions, and a union of pipelines. */
final class Sources {
    private Sources() {}

    /** Reads a file scan's splits (see {@link io.spindle.plan.physical.FileScanReader}). */
    static final class FileScan extends SourceOperator {
        private final BatchReader reader;

        FileScan(BatchReader reader) {
            this.reader = reader;
        }

        @Override
        protected ColumnBatch next() throws IOException {
            return reader.next();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Rows shipped in the plan, as one batch. */
    static final class Local extends SourceOperator {
        private ColumnBatch batch;

        Local(List<List<Object>> rows, Schema schema) {
            ColumnBatch.Builder builder = ColumnBatch.builder(schema);
            for (List<Object> row : rows) {
                builder.appendRow(row.toArray());
            }
            this.batch = builder.build();
        }

        @Override
        protected ColumnBatch next() {
            ColumnBatch result = batch;
            batch = null;
            return result;
        }
    }

    /** Rows computed by the task as they are read (an Rdd partition's), in batches of {@code batchRows}. */
    static final class Rows extends SourceOperator {
        private final java.util.Iterator<Object[]> rows;
        private final Schema schema;
        private final int batchRows;

        Rows(java.util.Iterator<Object[]> rows, Schema schema, int batchRows) {
            this.rows = rows;
            this.schema = schema;
            this.batchRows = batchRows;
        }

        @Override
        protected ColumnBatch next() {
            if (!rows.hasNext()) {
                return null;
            }
            ColumnBatch.Builder builder = ColumnBatch.builder(schema);
            for (int i = 0; i < batchRows && rows.hasNext(); i++) {
                builder.appendRow(rows.next());
            }
            return builder.build();
        }
    }

    /** start, start + step, ... for {@code count} values, in batches. */
    static final class Range extends SourceOperator {
        private final Schema schema;
        private final long step;
        private final int batchRows;
        private long next;
        private long remaining;

        Range(Schema schema, long start, long step, long count, int batchRows) {
            this.schema = schema;
            this.next = start;
            this.step = step;
            this.remaining = count;
            this.batchRows = batchRows;
        }

        @Override
        protected ColumnBatch next() {
            if (remaining <= 0) {
                return null;
            }
            int rows = (int) Math.min(batchRows, remaining);
            ColumnBatch batch = ColumnBatch.allocate(schema, rows);
            long[] values = ((LongVector) batch.column(0)).values();
            for (int i = 0; i < rows; i++) {
                values[i] = next;
                next += step;
            }
            batch.setRowCount(rows);
            remaining -= rows;
            return batch;
        }
    }

    /** A reduce task's partitions of a shuffle. */
    static final class ShuffleRead extends SourceOperator {
        private final ShuffleReader reader;

        ShuffleRead(FileSystem fs, List<String> indexFiles, int start, int end, Schema schema, String codec) {
            this.reader = new ShuffleReader(fs, indexFiles, start, end, schema, codec);
        }

        @Override
        protected ColumnBatch next() throws IOException {
            return reader.next();
        }
    }

    /** The union's inputs one after the other (a task has rows in one of them). */
    static final class Union extends SourceOperator {
        private final List<Pipeline> inputs;
        private int current;

        Union(List<Pipeline> inputs) {
            this.inputs = inputs;
        }

        @Override
        protected ColumnBatch next() {
            while (current < inputs.size()) {
                ColumnBatch batch = inputs.get(current).next();
                if (batch != null) {
                    return batch;
                }
                current++;
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            for (Pipeline input : inputs) {
                input.close();
            }
        }
    }
}
