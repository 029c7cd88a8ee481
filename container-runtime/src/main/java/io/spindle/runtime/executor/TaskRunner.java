package io.spindle.runtime.executor;

import io.spindle.exec.Task;
import io.spindle.exec.TaskFailure;
import io.spindle.runtime.rpc.RpcFrameTooLargeException;
import io.spindle.runtime.rpc.RpcMessage;
import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import io.spindle.runtime.serialization.JavaSerializer;
import java.io.IOException;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task attempt on an executor thread and reports its outcome. Whatever the task throws,
 * including errors, becomes a TaskFailed: a task must never take its executor down.
 */
final class TaskRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** What a runner needs from its executor; narrow so that the runner stays testable. */
    interface Host {
        ExecutorTaskContext contextFor(LaunchTask launch);

        /** Sends a reply; returns false once the executor is stopping (the reply is then dropped). */
        boolean reply(RpcMessage message) throws IOException;

        void finished(long taskId);

        void connectionFailed(IOException error);
    }

    private final LaunchTask launch;
    private final Host host;

    TaskRunner(LaunchTask launch, Host host) {
        this.launch = launch;
        this.host = host;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        RpcMessage outcome;
        try {
            Task<?> task = JavaSerializer.deserialize(launch.serializedTask());
            Serializable result = task.run(host.contextFor(launch));
            byte[] bytes = JavaSerializer.serialize(result);
            outcome = new RpcMessage.TaskFinished(launch.taskId(), bytes, (System.nanoTime() - start) / 1_000_000);
        } catch (Throwable error) {
            LOG.warn("Task {} (stage {}, partition {}, attempt {}) failed", launch.taskId(), launch.stageId(),
                    launch.partitionId(), launch.attempt(), error);
            outcome = new RpcMessage.TaskFailed(launch.taskId(), TaskFailure.of(error));
        }
        host.finished(launch.taskId());
        send(outcome);
    }

    private void send(RpcMessage outcome) {
        try {
            host.reply(outcome);
        } catch (RpcFrameTooLargeException tooLarge) {
            trySendFailure(tooLarge);
        } catch (IOException e) {
            host.connectionFailed(e);
        }
    }

    private void trySendFailure(RpcFrameTooLargeException tooLarge) {
        try {
            host.reply(new RpcMessage.TaskFailed(launch.taskId(), TaskFailure.of(tooLarge)));
        } catch (IOException e) {
            host.connectionFailed(e);
        }
    }
}
