package io.spindle.am.yarn;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.spindle.conf.ConfigException;
import io.spindle.conf.SpindleConf;
import io.spindle.exec.ExecutionBackend;

/** The YARN backend of the ApplicationMaster this driver runs in. */
public final class YarnBackendProvider implements Provider<ExecutionBackend> {

    private final SpindleConf conf;

    @Inject
    public YarnBackendProvider(SpindleConf conf) {
        this.conf = conf;
    }

    @Override
    public ExecutionBackend get() {
        YarnDriverRuntime.Host host = YarnDriverRuntime.current();
        if (host == null) {
            throw new ConfigException("spindle.master=yarn works only inside an application submitted with"
                    + " 'bin/spindle submit --master yarn ...'; to run in this process use local[N]");
        }
        return host.startExecutors(conf);
    }
}
