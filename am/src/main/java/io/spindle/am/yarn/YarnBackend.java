package io.spindle.am.yarn;

import io.spindle.am.scheduler.DriverEndpoint;
import io.spindle.am.scheduler.ExecutorDisconnectHandler;
import io.spindle.am.scheduler.ExecutorInfo;
import io.spindle.am.scheduler.ExecutorListener;
import io.spindle.am.scheduler.SchedulerSnapshot;
import io.spindle.am.scheduler.TaskScheduler;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.JobFailedException;
import io.spindle.exec.StageSummary;
import io.spindle.exec.Task;
import io.spindle.runtime.rpc.RpcSecret;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.LocalResource;

/**
 * Executors in YARN containers: the task scheduler and RPC endpoint of the local backend, with
 * the {@link YarnAllocator} bringing executors up and reporting why they went away.
 */
final class YarnBackend implements ExecutionBackend, YarnAllocator.Listener {

    /**
     * How long a broken connection waits for YARN to say why the container ended before its tasks
     * are re-queued anyway (then without counting against them).
     */
    private static final long DISCONNECT_GRACE_MILLIS = 5_000;
    /** Container requests name at most this many hosts; relaxed locality covers the rest. */
    private static final int MAX_PREFERRED_HOSTS = 20;

    private final String applicationId;
    private final SpindleConf conf;
    private final TaskScheduler scheduler;
    private final DriverEndpoint endpoint;
    private final YarnAllocator allocator;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    private YarnBackend(String applicationId, SpindleConf conf, TaskScheduler scheduler, DriverEndpoint endpoint,
            YarnAllocator allocator, ScheduledExecutorService timer) {
        this.applicationId = applicationId;
        this.conf = conf;
        this.scheduler = scheduler;
        this.endpoint = endpoint;
        this.allocator = allocator;
        this.timer = timer;
    }

    static YarnBackend start(String applicationId, SpindleConf conf, YarnAllocator allocator, String host,
            Map<String, LocalResource> resources, Map<String, String> environment, ByteBuffer executorCredentials,
            Timeline timeline) throws IOException {
        byte[] secret = UserGroupInformation.getCurrentUser().getCredentials()
                .getSecretKey(new Text(RpcSecret.CREDENTIALS_ALIAS));
        TaskScheduler scheduler = new TaskScheduler(conf);
        scheduler.addListener(new ExecutorListener() {
            @Override
            public void executorRegistered(ExecutorInfo executor) {
                timeline.markOnce("firstExecutorRegistered");
            }
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spindle-yarn-backend-timer");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorDisconnectHandler waitForContainerStatus = (executorId, reason, target) ->
                timer.schedule(() -> target.executorLost(executorId, reason + " (YARN reported no container status)", false),
                        DISCONNECT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        DriverEndpoint endpoint = new DriverEndpoint(conf, scheduler, secret, applicationId, "0.0.0.0",
                waitForContainerStatus);
        endpoint.start();
        YarnBackend backend = new YarnBackend(applicationId, conf, scheduler, endpoint, allocator, timer);
        ExecutorLaunchSpec spec = ExecutorLaunchSpec.from(conf, resources, environment, executorCredentials, host,
                endpoint.port());
        java.util.function.Supplier<List<String>> preferredHosts = conf.get(SpindleKeys.LOCALITY_PREFERRED_HOSTS)
                ? () -> scheduler.pendingPreferredHosts(MAX_PREFERRED_HOSTS) : List::of;
        allocator.start(spec, conf.get(SpindleKeys.EXECUTOR_INSTANCES), conf.get(SpindleKeys.EXECUTOR_MAX_FAILURES),
                backend, preferredHosts);
        return backend;
    }

    @Override
    public <R extends Serializable> List<R> runStage(String stageName, List<? extends Task<R>> tasks) {
        return scheduler.runStage(stageName, tasks);
    }

    @Override
    public int defaultParallelism() {
        return conf.get(SpindleKeys.EXECUTOR_INSTANCES) * conf.get(SpindleKeys.EXECUTOR_CORES);
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public List<StageSummary> stageSummaries() {
        return scheduler.stageSummaries();
    }

    SpindleConf conf() {
        return conf;
    }

    boolean isClosed() {
        return closed;
    }

    double progress() {
        return scheduler.progress();
    }

    long firstTaskEpochMillis() {
        return scheduler.firstTaskLaunchEpochMillis();
    }

    SchedulerSnapshot snapshot() {
        return scheduler.snapshot();
    }

    @Override
    public void executorLost(String executorId, String reason, boolean countsAgainstTasks) {
        scheduler.executorLost(executorId, reason, countsAgainstTasks);
    }

    @Override
    public void abort(String reason) {
        scheduler.abort(reason, JobFailedException.Cause.INFRASTRUCTURE);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        allocator.deactivate(); // executors about to exit must not be replaced
        scheduler.stop();
        endpoint.close();
        allocator.stop();
        timer.shutdownNow();
    }
}
