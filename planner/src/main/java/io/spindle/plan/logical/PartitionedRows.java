package io.spindle.plan.logical;

import io.spindle.exec.TaskContext;
import java.io.Serializable;
import java.util.Iterator;

/**
 * Rows computed outside the query engine, partition by partition, in tasks (an Rdd's, for
 * {@code session.createDataset(rdd, schema)}). Shipped to the tasks that read it.
 */
public interface PartitionedRows extends Serializable {

    /** Driver side: the number of partitions (may plan work the rows depend on). */
    int partitionCount();

    /** Driver side, before a stage that reads these rows ships: runs what they depend on (the Rdd's shuffles). */
    void prepareOnDriver();

    /** Task side: one partition's rows, values in the Java form of the relation's column types. */
    Iterator<Object[]> rows(int partition, TaskContext context);

    /** Short text for plans. */
    String describe();
}
