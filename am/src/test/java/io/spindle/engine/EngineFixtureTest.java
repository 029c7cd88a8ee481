package io.spindle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Row;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared fixture: its configuration and settings reach the session, and a test's changes do not leak. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineFixtureTest {
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("engine-fixture")
            .config("spindle.task.memoryBudget", "512k")
            .settings(s -> s.withBroadcastThreshold(0));

    @Test
    @Order(1)
    void configurationAndSettingsReachTheSessionAndATestMayChangeThem() throws Exception {
        assertThat(engine.session().engineSettings().taskMemoryBytes()).isEqualTo(512L << 10);
        assertThat(engine.session().engineSettings().broadcastThresholdBytes()).isZero();
        engine.adjust(s -> s.withBroadcastThreshold(1234));
        assertThat(engine.session().engineSettings().broadcastThresholdBytes()).isEqualTo(1234);
        List<Row> expected = engine.duckdb().query("SELECT count(*), CAST(sum(range) AS BIGINT) FROM range(1000)");
        assertThat(engine.session().range(0, 1000).agg(io.spindle.api.functions.count("*"),
                io.spindle.api.functions.sum("id")).collectAsList()).isEqualTo(expected);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheFixturesSettings() {
        assertThat(engine.session().engineSettings().broadcastThresholdBytes()).isZero();
    }
}
