package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import java.io.Serializable;
import java.util.List;

/** Computes one partition of the final Rdd of a job and applies the action to it. */
public record ResultTask<T, R extends Serializable>(Rdd<T> rdd, int partition, PartitionAction<T, R> action,
        RddSettings settings) implements Task<R> {

    @Override
    public R run(TaskContext context) throws Exception {
        TaskEnvironment environment = new TaskEnvironment(context, settings);
        return action.apply(partition, rdd.iterator(partition, environment), environment);
    }

    @Override
    public List<String> preferredHosts() {
        return rdd.preferredHosts(partition);
    }
}
