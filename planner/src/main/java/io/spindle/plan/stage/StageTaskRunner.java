package io.spindle.plan.stage;

import io.spindle.exec.TaskContext;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) through which a {@link StageTask}
 * reaches the operators, which live in container-runtime, a module the planner cannot see.
 */
public interface StageTaskRunner {

    StageTaskResult run(StageTask task, TaskContext context) throws Exception;
}
