package io.spindle.api;

import io.spindle.exec.TaskContext;
import io.spindle.plan.logical.PartitionedRows;
import io.spindle.rdd.RddSettings;
import io.spindle.rdd.TaskEnvironment;
import java.util.Iterator;

/**
 * An Rdd of {@link Row} as the rows of a Dataset ({@code session.createDataset(rdd, schema)}):
 * each partition is computed by the task that reads it, from the Rdd's lineage; the driver only
 * runs the Rdd's shuffles first.
 */
final class RddRows implements PartitionedRows {
    private static final long serialVersionUID = 1L;

    private final Rdd<Row> rdd;
    private final RddSettings settings;
    private final io.spindle.formats.types.Schema schema;

    RddRows(Rdd<Row> rdd, io.spindle.formats.types.Schema schema) {
        this.rdd = rdd;
        this.settings = rdd.context().settings();
        this.schema = schema;
    }

    @Override
    public int partitionCount() {
        return rdd.numPartitions();
    }

    @Override
    public void prepareOnDriver() {
        rdd.context().scheduler().prepare(rdd);
    }

    @Override
    public Iterator<Object[]> rows(int partition, TaskContext context) {
        Iterator<Row> rows = rdd.iterator(partition, new TaskEnvironment(context, settings));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Row row = rows.next();
                if (row == null || row.size() != schema.size()) {
                    throw new IllegalArgumentException("Rdd " + rdd.id() + " partition " + partition + " has row "
                            + row + (row == null ? "" : " with " + row.size() + " values") + " but the schema "
                            + schema + " of createDataset has " + schema.size() + " columns");
                }
                return row.toList().toArray();
            }
        };
    }

    @Override
    public String describe() {
        return "Rdd " + rdd.id();
    }
}
