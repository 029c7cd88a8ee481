package io.spindle.engine;

import io.spindle.api.EngineSettings;
import io.spindle.api.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared life cycle of the engine's differential tests: one {@code local[2]} session and one
 * DuckDB oracle per test class, opened before the class's own {@code @BeforeAll} methods (which
 * may write their data through {@link #session()}) and closed after the class. The engine settings
 * the session has once it is open (the configuration plus {@link #settings}) are put back after
 * every test, so a test that changes a threshold or excludes a rule cannot leak it into the next.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EngineFixture engine = EngineFixture.local("skew-join")
 *         .config("spindle.shuffle.skewedPartitionThreshold", "32k")
 *         .settings(s -> s.withBroadcastThreshold(0));
 * }</pre>
 */
final class EngineFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final String appName;
    private final Map<String, String> config = new LinkedHashMap<>();
    private UnaryOperator<EngineSettings> adjust = UnaryOperator.identity();
    private Session session;
    private DuckDbOracle duckdb;
    private EngineSettings initial;

    private EngineFixture(String appName) {
        this.appName = appName;
    }

    static EngineFixture local(String appName) {
        return new EngineFixture(appName);
    }

    /** A configuration entry of the session (set before it starts). */
    EngineFixture config(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Engine settings applied once the session is open, and restored after every test. */
    EngineFixture settings(UnaryOperator<EngineSettings> adjustment) {
        this.adjust = adjustment;
        return this;
    }

    Session session() {
        if (session == null) {
            throw new IllegalStateException("the engine fixture of '" + appName + "' is not open: register it with "
                    + "@RegisterExtension on a static field");
        }
        return session;
    }

    DuckDbOracle duckdb() {
        session();
        return duckdb;
    }

    /** Changes the session's engine settings for the rest of the current test. */
    void adjust(UnaryOperator<EngineSettings> change) {
        session().setEngineSettings(change.apply(session().engineSettings()));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Session.Builder builder = Session.builder().master("local[2]").appName(appName);
        config.forEach(builder::config);
        session = builder.getOrCreate();
        try {
            initial = adjust.apply(session.engineSettings());
            session.setEngineSettings(initial);
            duckdb = new DuckDbOracle();
        } catch (Exception | Error e) {
            session.stop();
            session = null;
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (session != null) {
            session.setEngineSettings(initial);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (duckdb != null) {
                duckdb.close();
            }
        } finally {
            if (session != null) {
                session.stop();
            }
            session = null;
            duckdb = null;
        }
    }
}
