package io.spindle.am;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.am.local.LocalBackend;
import io.spindle.conf.ConfigException;
import io.spindle.conf.SpindleConf;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code BackendModule.createBackend} picks the backend from {@code spindle.master} (Guice only for YARN). */
@Timeout(60)
class BackendModuleTest {

    @Test
    void localMasterGetsAStartedLocalBackendWithThatManyExecutors() {
        try (ExecutionBackend backend = BackendModule.createBackend(SpindleConf.of(Map.of("spindle.master", "local[3]")))) {
            assertThat(backend).isInstanceOf(LocalBackend.class);
            assertThat(backend.defaultParallelism()).isEqualTo(3);
            List<Task<String>> tasks = List.of(context -> context.executorId(), context -> context.executorId(),
                    context -> context.executorId());
            assertThat(backend.runStage("which executors", tasks)).allMatch(id -> List.of("1", "2", "3").contains(id));
        }
    }

    @Test
    void yarnMasterOutsideAnApplicationMasterIsAConfigurationErrorSayingHowToSubmit() {
        assertThatThrownBy(() -> BackendModule.createBackend(SpindleConf.of(Map.of("spindle.master", "yarn"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bin/spindle submit --master yarn");
    }
}
