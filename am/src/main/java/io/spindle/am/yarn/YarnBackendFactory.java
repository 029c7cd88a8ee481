package io.spindle.am.yarn;

import io.spindle.conf.ConfigException;
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
        YarnDriverRuntime.Host host = YarnDriverRuntime.current();
        if (host == null) {
            throw new ConfigException("spindle.master=yarn works only inside an application submitted with"
                    + " 'bin/spindle submit --master yarn ...'; to run in this process use local[N]");
        }
        return host.startExecutors(conf);
    }
}
