package io.spindle.am.scheduler;

import io.spindle.runtime.rpc.RpcMessage.LaunchTask;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An executor that records what the scheduler sends it; the test plays its part by hand. */
final class FakeExecutor implements ExecutorHandle {
    final ExecutorInfo info;
    private final BlockingQueue<LaunchTask> launches = new LinkedBlockingQueue<>();
    final List<String> shutdownReasons = new CopyOnWriteArrayList<>();

    FakeExecutor(String executorId, String host, int cores) {
        this.info = new ExecutorInfo(executorId, host, null, cores, 1);
    }

    FakeExecutor registerWith(TaskScheduler scheduler) {
        if (!scheduler.registerExecutor(info, this)) {
            throw new AssertionError("registration of " + info.executorId() + " refused");
        }
        return this;
    }

    @Override
    public void launchTask(LaunchTask launch) {
        launches.add(launch);
    }

    @Override
    public void shutdown(String reason) {
        shutdownReasons.add(reason);
    }

    /** The next task launched here; fails the test if none comes within 10 seconds. */
    LaunchTask nextLaunch() throws InterruptedException {
        LaunchTask launch = launches.poll(10, TimeUnit.SECONDS);
        if (launch == null) {
            throw new AssertionError("no task launched on executor " + info.executorId() + " within 10s");
        }
        return launch;
    }

    /** Launches received and not yet taken, without waiting. */
    List<LaunchTask> drainLaunches() {
        List<LaunchTask> drained = new java.util.ArrayList<>();
        launches.drainTo(drained);
        return drained;
    }

    String id() {
        return info.executorId();
    }
}
