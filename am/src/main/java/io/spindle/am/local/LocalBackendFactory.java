package io.spindle.am.local;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.ExecutionBackendFactory;

/**
 * Creates a {@link LocalBackend} for {@code local}, {@code local[N]} and {@code local[*]}.
 * Registered in {@code META-INF/services/io.spindle.exec.ExecutionBackendFactory}.
 */
public final class LocalBackendFactory implements ExecutionBackendFactory {

    @Override
    public boolean accepts(String master) {
        return LocalMaster.isLocal(master);
    }

    /** @throws io.spindle.conf.ConfigException for a malformed local master such as {@code local[0]} */
    @Override
    public ExecutionBackend create(SpindleConf conf) {
        return io.spindle.am.BackendModule.createBackend(conf);
    }
}
