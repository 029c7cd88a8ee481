package io.spindle.metastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.metastore.testing.SharedMetastore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectRetryTest {
    @Test
    void unreachableMetastoreFailsAfterTheRetriesNamingTheUri() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again before the client connects: nothing listens there
        }
        String uri = "thrift://127.0.0.1:" + port;
        MetastoreSettings settings = MetastoreSettings.remote(uri).withConnectAttempts(3, Duration.ofMillis(10));

        assertThatThrownBy(() -> HiveCatalog.connect(settings, SharedMetastore.hadoopConf()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("Could not connect to the Hive Metastore at " + uri + " after 3 attempt(s)")
                .hasMessageContaining("Check that the metastore is running")
                .hasMessageContaining("spindle.metastore.uris")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.CONNECTION_FAILED));
    }

    @Test
    void secondCatalogOnTheSameEmbeddedMetastoreSharesIt() {
        HiveCatalog first = SharedMetastore.catalog();
        String database = SharedMetastore.newDatabase("shared");
        try (HiveCatalog second = HiveCatalog.connect(SharedMetastore.settings(), SharedMetastore.hadoopConf())) {
            assertThat(second.databases()).contains(database);
            assertThat(second.description()).isEqualTo(first.description());
        }
        assertThat(first.databases()).as("closing the second leaves the first working").contains(database);
    }
}
