package io.spindle.am.yarn;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards NodeManager answers about executor containers to the allocator. */
final class ContainerLauncherCallback extends NMClientAsync.AbstractCallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncherCallback.class);
    private final YarnAllocator allocator;

    ContainerLauncherCallback(YarnAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
        allocator.containerStarted(containerId);
    }

    @Override
    public void onStartContainerError(ContainerId containerId, Throwable error) {
        LOG.warn("Could not start container {}", containerId, error);
        allocator.containerStartFailed(containerId, error);
    }

    @Override
    public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) {
    }

    @Override
    public void onContainerStopped(ContainerId containerId) {
    }

    @Override
    public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {
    }

    @Override
    public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {
    }

    @Override
    public void onGetContainerStatusError(ContainerId containerId, Throwable error) {
    }

    @Override
    public void onIncreaseContainerResourceError(ContainerId containerId, Throwable error) {
    }

    @Override
    public void onUpdateContainerResourceError(ContainerId containerId, Throwable error) {
    }

    @Override
    public void onStopContainerError(ContainerId containerId, Throwable error) {
    }
}
