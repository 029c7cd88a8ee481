package io.spindle.runtime.rdd;

import io.spindle.rdd.RddContext;
import io.spindle.rdd.RddSettings;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** An RddContext over a {@link ThreadPoolLauncher}, with a shuffle directory and a settable memory budget. */
final class RddTestSupport implements AutoCloseable {
    final ThreadPoolLauncher launcher = new ThreadPoolLauncher(2);
    final Path directory;
    volatile long memoryBudgetBytes = 64L << 20;
    volatile long maxResultBytes = 64L << 20;
    final RddContext context;

    RddTestSupport(Path directory) {
        this.directory = directory;
        this.context = new RddContext(launcher, this::settings, Configuration::new);
    }

    RddSettings settings() {
        return new RddSettings(directory.resolve("shuffle").toUri().toString(), memoryBudgetBytes,
                directory.resolve("spill").toString(), "lz4", maxResultBytes);
    }

    @Override
    public void close() {
        launcher.close();
    }
}
