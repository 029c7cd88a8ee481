package io.spindle.am.yarn;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.ExecutionBackend;

/**
 * The link between a job's {@code Session.builder().getOrCreate()} and the ApplicationMaster it
 * runs in: the AM installs itself here before calling the job's main.
 */
public final class YarnDriverRuntime {

    /** What the AM offers the backend factory. */
    public interface Host {
        ExecutionBackend startExecutors(SpindleConf conf);
    }

    private static volatile Host host;

    private YarnDriverRuntime() {
    }

    static void install(Host current) {
        host = current;
    }

    static Host current() {
        return host;
    }
}
