package io.spindle.exec;

import java.io.Serializable;
import java.util.List;

/**
 * One unit of work: runs on an executor against one partition and returns a serializable result.
 *
 * <p>A task is shipped to executors with Java serialization, so everything it captures must be
 * serializable and on the application's classpath. It may run more than once (retries after a
 * failure, a lost executor), so it must not have side effects that a second run would duplicate:
 * output goes through a commit protocol, never straight into a visible place.
 */
@FunctionalInterface
public interface Task<R extends Serializable> extends Serializable {

    R run(TaskContext context) throws Exception;

    /** Hosts holding this task's input (HDFS block locations); the scheduler prefers them. */
    default List<String> preferredHosts() {
        return List.of();
    }
}
