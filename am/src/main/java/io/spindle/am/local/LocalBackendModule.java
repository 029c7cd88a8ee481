package io.spindle.am.local;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.spindle.am.scheduler.DriverEndpoint;
import io.spindle.am.scheduler.TaskScheduler;
import io.spindle.conf.SpindleConf;
import io.spindle.runtime.rpc.RpcSecret;

/**
 * Wires the local backend: the configuration, one {@link TaskScheduler}, a {@link DriverEndpoint}
 * on the loopback interface, a fresh secret and application id, and the {@link LocalBackend}.
 */
public final class LocalBackendModule extends AbstractModule {
    static final String LOOPBACK = "127.0.0.1";

    private final SpindleConf conf;
    private final int executorCount;

    public LocalBackendModule(SpindleConf conf, int executorCount) {
        this.conf = conf;
        this.executorCount = executorCount;
    }

    @Override
    protected void configure() {
        bind(SpindleConf.class).toInstance(conf);
        bind(TaskScheduler.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    @Named("spindle.rpc.secret")
    byte[] secret() {
        return RpcSecret.generate();
    }

    @Provides
    @Singleton
    @Named("spindle.applicationId")
    String applicationId() {
        return "local-" + System.currentTimeMillis();
    }

    @Provides
    @Singleton
    DriverEndpoint endpoint(SpindleConf conf, TaskScheduler scheduler, @Named("spindle.rpc.secret") byte[] secret,
            @Named("spindle.applicationId") String applicationId) {
        return new DriverEndpoint(conf, scheduler, secret, applicationId, LOOPBACK);
    }

    @Provides
    @Singleton
    LocalBackend backend(SpindleConf conf, TaskScheduler scheduler, DriverEndpoint endpoint,
            @Named("spindle.rpc.secret") byte[] secret, @Named("spindle.applicationId") String applicationId) {
        return new LocalBackend(conf, scheduler, endpoint, secret, applicationId, executorCount);
    }
}
