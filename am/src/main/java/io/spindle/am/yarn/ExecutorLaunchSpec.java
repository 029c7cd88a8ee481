package io.spindle.am.yarn;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.Resource;

/**
 * How to start one executor container: the same localized files as the AM, the executor main, and
 * credentials holding the RPC secret (never the AM's own YARN token).
 */
public record ExecutorLaunchSpec(
        Map<String, LocalResource> localResources,
        Map<String, String> environment,
        ByteBuffer credentials,
        String driverHost,
        int driverPort,
        long heapMegabytes,
        long overheadMegabytes,
        int cores,
        String javaOptions) {

    public static ExecutorLaunchSpec from(SpindleConf conf, Map<String, LocalResource> resources,
            Map<String, String> environment, ByteBuffer credentials, String driverHost, int driverPort) {
        return new ExecutorLaunchSpec(resources, environment, credentials, driverHost, driverPort,
                conf.get(SpindleKeys.EXECUTOR_MEMORY).toMegabytes(),
                conf.get(SpindleKeys.EXECUTOR_MEMORY_OVERHEAD).toMegabytes(),
                conf.get(SpindleKeys.EXECUTOR_CORES),
                conf.get(SpindleKeys.EXECUTOR_JAVA_OPTIONS));
    }

    public Resource resource() {
        return Resource.newInstance(LaunchLayout.containerMegabytes(heapMegabytes, overheadMegabytes), cores);
    }

    public ContainerLaunchContext launchContext(String executorId, ContainerId containerId) {
        String command = LaunchLayout.javaCommandPrefix(heapMegabytes, javaOptions)
                + " io.spindle.runtime.executor.ExecutorMain"
                + " --driver " + driverHost + ":" + driverPort
                + " --executor-id " + executorId
                + " --cores " + cores
                + " --container-id " + containerId
                + LaunchLayout.redirectLogs();
        return ContainerLaunchContext.newInstance(localResources, environment, List.of(command), null,
                credentials.duplicate(), null);
    }
}
