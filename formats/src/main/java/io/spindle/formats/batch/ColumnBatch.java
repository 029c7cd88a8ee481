package io.spindle.formats.batch;

import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A batch of rows stored column by column: one {@link ColumnVector} per schema field, all with the
 * same {@link #rowCount()}. Readers fill batches and operators consume them; a reader may reuse
 * the same batch object for its next batch, so a consumer that keeps data past the next call must
 * copy it.
 */
public final class ColumnBatch {
    /** Rows per batch unless a caller asks otherwise: large enough to amortize per-batch work, small enough to stay in L2. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Schema schema;
    private final ColumnVector[] vectors;
    private int rowCount;

    public ColumnBatch(Schema schema, ColumnVector[] vectors, int rowCount) {
        if (vectors.length != schema.size()) {
            throw new IllegalArgumentException("Schema " + schema + " has " + schema.size()
                    + " columns but " + vectors.length + " vectors were given");
        }
        for (int i = 0; i < vectors.length; i++) {
            if (!vectors[i].type().equals(schema.field(i).type())) {
                throw new IllegalArgumentException("Column " + schema.field(i) + " given a vector of "
                        + vectors[i].type());
            }
        }
        this.schema = schema;
        this.vectors = vectors.clone();
        setRowCount(rowCount);
    }

    /** An empty batch with fresh vectors of the given capacity. */
    public static ColumnBatch allocate(Schema schema, int capacity) {
        ColumnVector[] vectors = new ColumnVector[schema.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = ColumnVector.allocate(schema.field(i).type(), capacity);
        }
        return new ColumnBatch(schema, vectors, 0);
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public void setRowCount(int rowCount) {
        for (ColumnVector vector : vectors) {
            if (rowCount > vector.capacity()) {
                throw new IllegalArgumentException("Row count " + rowCount + " exceeds vector capacity "
                        + vector.capacity());
            }
        }
        this.rowCount = rowCount;
    }

    public int columnCount() {
        return vectors.length;
    }

    public ColumnVector column(int index) {
        return vectors[index];
    }

    public ColumnVector column(String name) {
        return vectors[schema.indexOf(name)];
    }

    /** Clears every vector and sets the row count to 0, for refilling. */
    public void reset() {
        for (ColumnVector vector : vectors) {
            vector.reset();
        }
        rowCount = 0;
    }

    /** One row as Java values (see {@link ColumnVector#get(int)}); for tests and debugging. */
    public List<Object> row(int row) {
        Object[] values = new Object[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            values[i] = vectors[i].get(row);
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Every row as Java values; for tests and debugging, never on a hot path. */
    public List<List<Object>> toRows() {
        List<List<Object>> rows = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            rows.add(row(row));
        }
        return rows;
    }

    @Override
    public String toString() {
        return "ColumnBatch(" + schema + ", " + rowCount + " rows)";
    }

    /** Builds a batch row by row from Java values; for tests and small literal data. */
    public static final class Builder {
        private final Schema schema;
        private final ColumnBatch batch;
        private int capacity = 16;

        private Builder(Schema schema) {
            this.schema = schema;
            this.batch = allocate(schema, capacity);
        }

        /** Appends one row; values as {@link ColumnVector#set(int, Object)} accepts, null for null. */
        public Builder appendRow(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException("Row has " + values.length + " values but " + schema
                        + " has " + schema.size() + " columns");
            }
            int row = batch.rowCount;
            if (row == capacity) {
                capacity *= 2;
                for (ColumnVector vector : batch.vectors) {
                    vector.ensureCapacity(capacity);
                }
            }
            for (int i = 0; i < values.length; i++) {
                batch.vectors[i].set(row, values[i]);
            }
            batch.rowCount = row + 1;
            return this;
        }

        public Builder appendRows(List<List<Object>> rows) {
            for (List<Object> row : rows) {
                appendRow(row.toArray());
            }
            return this;
        }

        public ColumnBatch build() {
            return batch;
        }
    }
}
