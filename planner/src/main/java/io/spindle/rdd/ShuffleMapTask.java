package io.spindle.rdd;

import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import java.util.List;

/** Computes one partition of a shuffle's parent and writes it as that map's shuffle output. */
public record ShuffleMapTask(ShuffleDependency<?, ?, ?> dependency, int partition, RddSettings settings)
        implements Task<ShuffleMapStatus> {

    @Override
    public ShuffleMapStatus run(TaskContext context) throws Exception {
        TaskEnvironment environment = new TaskEnvironment(context, settings);
        return environment.runtime().writeShuffle(dependency, dependency.rdd().iterator(partition, environment),
                partition, environment);
    }

    @Override
    public List<String> preferredHosts() {
        return dependency.rdd().preferredHosts(partition);
    }
}
