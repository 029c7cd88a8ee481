package io.spindle.plan.stage;

import io.spindle.exec.TaskContext;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) through which a {@link StageTask}
 * reaches the operators, which live in container-runtime, a module the planner cannot see.
 */
public interface StageTaskRunner {

    StageTaskResult run(StageTask task, TaskContext context) throws Exception;

    /**
     * The task's fragment's rows, computed as they are read (its sink is not used): how an Rdd
     * over a Dataset computes a partition. The pipeline closes when the rows are exhausted.
     */
    java.util.Iterator<Object[]> rows(StageTask task, TaskContext context) throws Exception;
}
