package io.spindle.am.yarn;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.ExecutionBackendFactory;

/** {@code spindle.master=yarn}: executors in YARN containers, driven by the enclosing ApplicationMaster. */
public final class YarnBackendFactory implements ExecutionBackendFactory {

    @Override
    public boolean accepts(String master) {
        return "yarn".equals(master);
    }

    @Override
    public ExecutionBackend create(SpindleConf conf) {
        return io.spindle.am.BackendModule.createBackend(conf);
    }
}
