package io.spindle.rdd;

import io.spindle.exec.TaskContext;
import java.util.ServiceLoader;

/** What a running Rdd task computes with: its context, the settings, and the executor's record runtime. */
public record TaskEnvironment(TaskContext context, RddSettings settings) {

    public RddRuntime runtime() {
        return RuntimeHolder.INSTANCE;
    }

    /** Loaded once per JVM, on first use. */
    private static final class RuntimeHolder {
        static final RddRuntime INSTANCE = ServiceLoader.load(RddRuntime.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + RddRuntime.class.getName()
                        + " on the classpath: is spindle-container-runtime there?"));
    }
}
