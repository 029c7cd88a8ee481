package io.spindle.minicluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.spindle.jobs.cluster.EmbeddedCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.nodemanager.containermanager.container.Container;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ONE {@link EmbeddedCluster} per test JVM, lazily, for the first class that uses it, and keeps it in
 * the root {@link ExtensionContext.Store} so JUnit closes it when the run ends.
 *
 * <p>Tests get the cluster as an {@code EmbeddedCluster} parameter (constructor, lifecycle or test method),
 * or from {@link #cluster()}. After each test class the extension checks, polling for up to
 * {@link #LEAK_TIMEOUT}, that no YARN application is left in a non-final state and that no container is
 * left on any NodeManager; a leak fails the class with the ids.
 *
 * <p>The base dir is {@code -Dspindle.minicluster.dir} or {@code target/minicluster-<pid>}.
 */
public final class MiniClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(MiniClusterExtension.class);

    static final Duration LEAK_TIMEOUT = Duration.ofSeconds(30);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MiniClusterExtension.class);
    private static final String KEY = "embedded-cluster";

    /** Final states of an application; everything else (NEW ... RUNNING, and the transitions) is "alive". */
    private static final Set<RMAppState> FINAL = EnumSet.of(RMAppState.FINISHED, RMAppState.FAILED,
            RMAppState.KILLED);

    private static volatile EmbeddedCluster shared;

    /** The cluster of this JVM; only valid inside a class that uses this extension. */
    public static EmbeddedCluster cluster() {
        EmbeddedCluster c = shared;
        if (c == null) {
            throw new IllegalStateException("No embedded cluster: annotate the test class with "
                    + "@ExtendWith(MiniClusterExtension.class)");
        }
        return c;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        clusterFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        EmbeddedCluster c = shared;
        if (c == null) {
            return;
        }
        String testClass = context.getRequiredTestClass().getName();
        List<String> leaks = new ArrayList<>();
        try {
            Eventually.waitFor("no live YARN application or container after " + testClass, LEAK_TIMEOUT, () -> {
                leaks.clear();
                leaks.addAll(leaks(c));
                return leaks.isEmpty();
            });
        } catch (AssertionError timeout) {
            throw new AssertionError(testClass + " leaked YARN resources (still there after "
                    + LEAK_TIMEOUT.toSeconds() + " s): " + String.join("; ", leaks));
        }
    }

    /** Applications not in a final state, and containers still known to a NodeManager. */
    static List<String> leaks(EmbeddedCluster cluster) {
        MiniYARNCluster yarn = cluster.yarn();
        List<String> found = new ArrayList<>();
        for (Map.Entry<ApplicationId, RMApp> e : yarn.getResourceManager().getRMContext().getRMApps().entrySet()) {
            RMAppState state = e.getValue().getState();
            if (!FINAL.contains(state)) {
                found.add("application " + e.getKey() + " is " + state + " (" + e.getValue().getName() + ")");
            }
        }
        for (int i = 0; i < cluster.options().nodeManagers(); i++) {
            NodeManager nm = yarn.getNodeManager(i);
            for (Map.Entry<ContainerId, Container> e : nm.getNMContext().getContainers().entrySet()) {
                found.add("container " + e.getKey() + " is " + e.getValue().getContainerState()
                        + " on NodeManager " + i);
            }
        }
        return found;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return clusterFor(context);
    }

    private static EmbeddedCluster clusterFor(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        ClusterResource resource = root.getOrComputeIfAbsent(KEY, k -> ClusterResource.start(), ClusterResource.class);
        return resource.cluster;
    }

    /** Holds the cluster in the root store; JUnit calls {@link #close()} once the whole run is done. */
    private static final class ClusterResource implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedCluster cluster;

        private ClusterResource(EmbeddedCluster cluster) {
            this.cluster = cluster;
        }

        static ClusterResource start() {
            try {
                Path baseDir = baseDir();
                long t0 = System.nanoTime();
                EmbeddedCluster c = EmbeddedCluster.start(baseDir);
                LOG.info("Shared embedded cluster started in {} ms under {}", (System.nanoTime() - t0) / 1_000_000,
                        baseDir);
                shared = c;
                return new ClusterResource(c);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded cluster", e);
            }
        }

        private static Path baseDir() throws IOException {
            String configured = System.getProperty("spindle.minicluster.dir");
            Path dir = configured != null
                    ? Path.of(configured)
                    : Path.of("target", "minicluster-" + ProcessHandle.current().pid());
            return Files.createDirectories(dir).toAbsolutePath();
        }

        @Override
        public void close() {
            shared = null;
            cluster.close();
        }
    }
}
