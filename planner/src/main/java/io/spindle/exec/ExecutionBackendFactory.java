package io.spindle.exec;

import io.spindle.conf.SpindleConf;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) through which the planner obtains
 * a backend without depending on {@code am/}, the module that implements it.
 */
public interface ExecutionBackendFactory {

    /** Whether this factory handles the given {@code spindle.master} value. */
    boolean accepts(String master);

    ExecutionBackend create(SpindleConf conf);
}
