package io.spindle.runtime.rpc;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.TaskFailure;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the driver and its executors say to each other. One message per frame, Java-serialized.
 *
 * <p>Executor to driver: {@link RegisterExecutor} (first message), {@link Heartbeat},
 * {@link TaskFinished}, {@link TaskFailed}. Driver to executor: {@link Registered} (reply to
 * registration), {@link LaunchTask}, {@link Shutdown}.
 *
 * <p>Tasks and results travel as bytes so that the connection's reader never needs user classes:
 * the executor deserializes a task on a task thread with the application's class loader, and the
 * driver deserializes a result only when the stage collects it.
 */
public sealed interface RpcMessage extends Serializable {

    /** @param containerId the YARN container id, or null for an in-process executor */
    record RegisterExecutor(String executorId, String host, int cores, String containerId, long pid)
            implements RpcMessage {
        public RegisterExecutor {
            Objects.requireNonNull(executorId, "executorId");
            Objects.requireNonNull(host, "host");
        }
    }

    record Registered(SpindleConf conf, String applicationId) implements RpcMessage {
    }

    /** @param attempt 0 for the first attempt of this partition */
    record LaunchTask(long taskId, int stageId, int partitionId, int attempt, byte[] serializedTask)
            implements RpcMessage {
        @Override
        public String toString() {
            return "LaunchTask[taskId=" + taskId + ", stageId=" + stageId + ", partitionId=" + partitionId
                    + ", attempt=" + attempt + ", " + serializedTask.length + " bytes]";
        }
    }

    record TaskFinished(long taskId, byte[] serializedResult, long runMillis) implements RpcMessage {
        @Override
        public String toString() {
            return "TaskFinished[taskId=" + taskId + ", " + serializedResult.length + " bytes, runMillis="
                    + runMillis + "]";
        }
    }

    record TaskFailed(long taskId, TaskFailure failure) implements RpcMessage {
    }

    /** @param runningTaskIds the tasks running on the executor when it sent this */
    record Heartbeat(String executorId, long[] runningTaskIds) implements RpcMessage {
        @Override
        public String toString() {
            return "Heartbeat[executorId=" + executorId + ", running=" + Arrays.toString(runningTaskIds) + "]";
        }
    }

    record Shutdown(String reason) implements RpcMessage {
    }
}
