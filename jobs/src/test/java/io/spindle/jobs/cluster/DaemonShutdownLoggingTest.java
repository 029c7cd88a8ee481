package io.spindle.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/** The embedded cluster's stop silences only the daemons' loggers, and only while it stops them. */
class DaemonShutdownLoggingTest {
    private static final List<String> DAEMON_CLASSES = List.of(
            "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager",
            "org.apache.hadoop.yarn.event.EventDispatcher",
            "org.apache.hadoop.hdfs.server.datanode.DataNode",
            "org.apache.hadoop.security.token.delegation.AbstractDelegationTokenSecretManager",
            "org.apache.hadoop.fs.CachingGetSpaceUsed");
    private static final List<String> CLIENT_CLASSES = List.of(
            "org.apache.hadoop.yarn.client.api.impl.YarnClientImpl",
            "org.apache.hadoop.hdfs.DFSClient",
            "org.apache.hadoop.fs.FileSystem",
            "io.spindle.jobs.cluster.EmbeddedCluster");

    @Test
    void theDaemonsErrorsAreOffWhileStoppingAndBackAfterwards() {
        Map<String, Boolean> before = new java.util.LinkedHashMap<>();
        for (String name : DAEMON_CLASSES) {
            before.put(name, LogManager.getLogger(name).isErrorEnabled());
            assertTrue(before.get(name), name + " logs errors before the stop");
        }
        Map<String, Level> saved = DaemonLogging.quietDaemonLoggers();
        try {
            for (String name : DAEMON_CLASSES) {
                assertFalse(LogManager.getLogger(name).isErrorEnabled(), name + " is silenced during the stop");
            }
            for (String name : CLIENT_CLASSES) {
                assertTrue(LogManager.getLogger(name).isErrorEnabled(), name + " still logs errors during the stop");
            }
        } finally {
            Configurator.setLevel(saved);
        }
        for (String name : DAEMON_CLASSES) {
            assertEquals(before.get(name), LogManager.getLogger(name).isErrorEnabled(), name + " after the stop");
        }
    }
}
