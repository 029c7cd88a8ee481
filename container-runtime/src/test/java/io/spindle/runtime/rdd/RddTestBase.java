package io.spindle.runtime.rdd;

import io.spindle.rdd.RddContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared life cycle of the Rdd runtime's tests: before every test a fresh {@link RddTestSupport}
 * (its own launcher, and shuffle and spill directories under the test's temporary {@link #directory}),
 * closed after the test, so a budget or result limit a test sets never reaches the next one.
 */
abstract class RddTestBase {
    @TempDir
    Path directory;
    RddTestSupport support;
    RddContext context;

    @BeforeEach
    final void openRddContext() {
        support = new RddTestSupport(directory);
        context = support.context;
    }

    @AfterEach
    final void closeRddContext() {
        support.close();
    }
}
