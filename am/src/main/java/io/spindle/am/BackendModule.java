package io.spindle.am;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.spindle.am.local.LocalBackend;
import io.spindle.am.local.LocalMaster;
import io.spindle.am.yarn.YarnBackendProvider;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.ExecutionBackend;

/**
 * Picks the execution backend for {@code spindle.master}: in-process executors for
 * {@code local[N]} ({@link LocalBackend#start}, wired directly), YARN containers driven by the
 * enclosing ApplicationMaster for {@code yarn} (bound by this module, through Guice). The planner
 * reaches this through the {@link io.spindle.exec.ExecutionBackendFactory} services, since it
 * cannot depend on {@code am/}.
 */
public final class BackendModule extends AbstractModule {

    private final SpindleConf conf;

    public BackendModule(SpindleConf conf) {
        this.conf = conf;
    }

    @Override
    protected void configure() {
        bind(SpindleConf.class).toInstance(conf);
        bind(ExecutionBackend.class).toProvider(YarnBackendProvider.class);
    }

    /** A started backend for {@code conf}'s master. */
    public static ExecutionBackend createBackend(SpindleConf conf) {
        String master = conf.get(SpindleKeys.MASTER);
        if (LocalMaster.isLocal(master)) {
            return LocalBackend.start(conf, LocalMaster.executorCount(master));
        }
        ExecutionBackend backend;
        try {
            backend = Guice.createInjector(new BackendModule(conf)).getInstance(ExecutionBackend.class);
        } catch (ProvisionException e) {
            // Guice wraps what a provider throws; callers (and the exit-code contract) need the original.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return backend;
    }
}
