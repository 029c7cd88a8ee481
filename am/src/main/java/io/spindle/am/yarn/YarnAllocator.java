package io.spindle.am.yarn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the application at its target number of executor containers.
 *
 * <p>Reconciles toward the target (missing = target − pending − starting − running), launches
 * granted containers through the NodeManager client, releases surplus, and on every container
 * that ends classifies the exit ({@link ContainerExit}): failures count towards
 * {@code spindle.executor.maxFailures}, preemption and lost nodes do not; either way a
 * replacement is requested while the backend is active.
 */
public final class YarnAllocator extends AMRMClientAsync.AbstractCallbackHandler {

    /** What the allocator tells the task scheduler. */
    public interface Listener {
        void executorLost(String executorId, String reason, boolean countsAgainstTasks);

        void abort(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(YarnAllocator.class);
    private static final Priority EXECUTOR_PRIORITY = Priority.newInstance(1);

    private final Object lock = new Object();
    private final DoubleSupplier progress;
    private final Timeline timeline;
    private AMRMClientAsync<ContainerRequest> amrm;
    private NMClientAsync nm;

    // guarded by lock
    private ExecutorLaunchSpec spec;
    private Listener listener;
    private Supplier<List<String>> preferredHosts = List::of;
    private boolean active;
    private int target;
    private int maxFailures;
    private int pending;
    private int failures;
    private int nextExecutorId = 1;
    private final Map<ContainerId, ExecutorContainer> containers = new HashMap<>();
    private final Set<ContainerId> released = new HashSet<>();
    private final List<String> failureLog = new ArrayList<>();

    /** One executor's container. */
    public record ExecutorContainer(String executorId, ContainerId containerId, String host, boolean started) {
    }

    YarnAllocator(DoubleSupplier progress, Timeline timeline) {
        this.progress = progress;
        this.timeline = timeline;
    }

    public void attach(AMRMClientAsync<ContainerRequest> amrm, NMClientAsync nm) {
        this.amrm = amrm;
        this.nm = nm;
    }

    /** Starts asking for executors; called when the job creates its session. */
    public void start(ExecutorLaunchSpec spec, int target, int maxFailures, Listener listener,
            Supplier<List<String>> preferredHosts) {
        synchronized (lock) {
            this.spec = spec;
            this.target = target;
            this.maxFailures = maxFailures;
            this.listener = listener;
            this.preferredHosts = preferredHosts;
            this.active = true;
            this.failures = 0;
            requestMissing();
        }
    }

    /** Stops asking for containers and replacing lost ones; running executors keep running. */
    public void deactivate() {
        synchronized (lock) {
            active = false;
            removePendingRequests();
        }
    }

    /** Stops asking and releases every container (executors were told to shut down first). */
    public void stop() {
        synchronized (lock) {
            active = false;
            removePendingRequests();
            for (ExecutorContainer container : containers.values()) {
                released.add(container.containerId());
                amrm.releaseAssignedContainer(container.containerId());
            }
            containers.clear();
        }
    }

    public List<ExecutorContainer> containers() {
        synchronized (lock) {
            return List.copyOf(containers.values());
        }
    }

    public int failures() {
        synchronized (lock) {
            return failures;
        }
    }

    /** Which container an executor runs in, or null. */
    public String containerOf(String executorId) {
        synchronized (lock) {
            for (ExecutorContainer container : containers.values()) {
                if (container.executorId().equals(executorId)) {
                    return container.containerId().toString();
                }
            }
            return null;
        }
    }

    private void requestMissing() {
        int missing = target - pending - containers.size();
        if (!active || missing <= 0) {
            return;
        }
        List<String> hosts = preferredHosts.get();
        String[] nodes = hosts.isEmpty() ? null : hosts.toArray(String[]::new);
        Resource resource = spec.resource();
        for (int i = 0; i < missing; i++) {
            amrm.addContainerRequest(new ContainerRequest(resource, nodes, null, EXECUTOR_PRIORITY, true));
        }
        pending += missing;
        LOG.info("Requested {} executor container(s) of {} MB and {} vcore(s){}", missing, resource.getMemorySize(),
                resource.getVirtualCores(), nodes == null ? "" : " preferring " + hosts);
    }

    private void removePendingRequests() {
        if (pending <= 0 || spec == null) {
            pending = 0;
            return;
        }
        for (Collection<ContainerRequest> requests : amrm.getMatchingRequests(EXECUTOR_PRIORITY, "*", spec.resource())) {
            for (ContainerRequest request : List.copyOf(requests)) {
                amrm.removeContainerRequest(request);
            }
        }
        pending = 0;
    }

    @Override
    public void onContainersAllocated(List<Container> allocated) {
        synchronized (lock) {
            for (Container container : allocated) {
                removeOneRequest(container);
                if (!active || containers.size() >= target) {
                    released.add(container.getId());
                    amrm.releaseAssignedContainer(container.getId());
                    continue;
                }
                timeline.markOnce("firstContainerAllocated");
                String executorId = Integer.toString(nextExecutorId++);
                String host = container.getNodeId().getHost();
                containers.put(container.getId(), new ExecutorContainer(executorId, container.getId(), host, false));
                LOG.info("Launching executor {} in {} on {}", executorId, container.getId(), host);
                nm.startContainerAsync(container, spec.launchContext(executorId, container.getId()));
            }
        }
    }

    private void removeOneRequest(Container container) {
        if (pending > 0) {
            pending--;
        }
        for (Collection<ContainerRequest> requests
                : amrm.getMatchingRequests(container.getPriority(), "*", container.getResource())) {
            for (ContainerRequest request : requests) {
                amrm.removeContainerRequest(request);
                return;
            }
        }
    }

    /** NodeManager confirmed the start. */
    public void containerStarted(ContainerId id) {
        timeline.markOnce("firstContainerStarted");
        synchronized (lock) {
            ExecutorContainer container = containers.get(id);
            if (container != null) {
                containers.put(id, new ExecutorContainer(container.executorId(), id, container.host(), true));
            }
        }
    }

    /** The NodeManager could not start the container: as bad as a failed executor. */
    public void containerStartFailed(ContainerId id, Throwable error) {
        ContainerStatus status = ContainerStatus.newInstance(id, org.apache.hadoop.yarn.api.records.ContainerState.COMPLETE,
                "could not start: " + error, -1);
        onContainersCompleted(List.of(status));
    }

    @Override
    public void onContainersCompleted(List<ContainerStatus> statuses) {
        List<Runnable> notifications = new ArrayList<>();
        synchronized (lock) {
            for (ContainerStatus status : statuses) {
                boolean ours = released.remove(status.getContainerId());
                ExecutorContainer container = containers.remove(status.getContainerId());
                if (container == null) {
                    continue; // surplus container we released, or one that already ended
                }
                ContainerExit exit = ContainerExit.classify(status, ours || !active);
                String reason = "Executor " + container.executorId() + " on " + container.host() + ": " + exit.describe(status);
                if (exit != ContainerExit.COMPLETED && exit != ContainerExit.RELEASED) {
                    LOG.warn(reason);
                }
                Listener target = listener;
                notifications.add(() -> target.executorLost(container.executorId(), reason, exit.countsAgainstTasks()));
                if (exit.countsAsFailure()) {
                    failures++;
                    failureLog.add(reason);
                    if (failures > maxFailures) {
                        String message = failures + " executor containers failed, more than spindle.executor.maxFailures="
                                + maxFailures + "; last: " + reason;
                        active = false;
                        notifications.add(() -> target.abort(message));
                        continue;
                    }
                }
                requestMissing();
            }
        }
        notifications.forEach(Runnable::run);
    }

    @Override
    public void onContainersUpdated(List<UpdatedContainer> containers) {
        // Spindle never asks for container resizes.
    }

    @Override
    public void onShutdownRequest() {
        Listener target;
        synchronized (lock) {
            active = false;
            target = listener;
        }
        if (target != null) {
            target.abort("The ResourceManager asked the ApplicationMaster to shut down");
        }
    }

    @Override
    public void onNodesUpdated(List<NodeReport> updatedNodes) {
        // Lost nodes arrive as completed containers with status ABORTED.
    }

    @Override
    public float getProgress() {
        return (float) Math.max(0, Math.min(1, progress.getAsDouble()));
    }

    @Override
    public void onError(Throwable error) {
        LOG.error("Lost contact with the ResourceManager", error);
        Listener target;
        synchronized (lock) {
            active = false;
            target = listener;
        }
        if (target != null) {
            target.abort("Lost contact with the ResourceManager: " + error);
        }
    }
}
