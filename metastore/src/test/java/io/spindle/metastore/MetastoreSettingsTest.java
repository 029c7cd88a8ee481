package io.spindle.metastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetastoreSettingsTest {
    @Test
    void defaultsAreAnEmbeddedMetastoreInTheHomeDirectory() {
        MetastoreSettings settings = MetastoreSettings.from(Map.of());
        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.embeddedDirectory()).isEqualTo(MetastoreSettings.defaultEmbeddedDirectory());
        assertThat(settings.warehouseDirectory()).isEmpty();
        assertThat(settings.connectAttempts()).isEqualTo(MetastoreSettings.DEFAULT_CONNECT_RETRIES + 1);
        assertThat(settings.connectBackoff()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyKeyIsRead() {
        MetastoreSettings settings = MetastoreSettings.from(Map.of(
                "spindle.metastore.uris", "thrift://hms:9083",
                "spindle.metastore.embedded.dir", "/tmp/hms",
                "spindle.metastore.warehouseDir", "hdfs://nn/wh",
                "spindle.metastore.connectRetries", "0",
                "spindle.metastore.connectBackoff", "250ms"));
        assertThat(settings).isEqualTo(new MetastoreSettings("thrift://hms:9083", Path.of("/tmp/hms"), "hdfs://nn/wh",
                1, Duration.ofMillis(250)));
        assertThat(settings.isEmbedded()).isFalse();
    }

    @Test
    void badRetriesNameTheKey() {
        assertThatThrownBy(() -> MetastoreSettings.from(Map.of("spindle.metastore.connectRetries", "-1")))
                .hasMessageContaining("spindle.metastore.connectRetries");
    }
}
