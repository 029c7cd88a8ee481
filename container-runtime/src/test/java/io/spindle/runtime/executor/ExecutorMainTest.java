package io.spindle.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExecutorMainTest {

    @Test
    void parsesArguments() {
        ExecutorMain.Arguments arguments = ExecutorMain.Arguments.parse(new String[] {
            "--driver", "am-host.example:4040", "--executor-id", "5", "--cores", "4", "--container-id", "c_1"});

        assertThat(arguments).isEqualTo(new ExecutorMain.Arguments("am-host.example", 4040, "5", 4, "c_1"));
        assertThat(ExecutorMain.Arguments.parse(new String[] {"--driver", "h:1", "--executor-id", "1", "--cores", "1"})
                .containerId()).isNull();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> ExecutorMain.Arguments.parse(new String[] {"--driver", "nohostport", "--executor-id",
            "1", "--cores", "1"})).hasMessage("--driver must be host:port, got 'nohostport'");
        assertThatThrownBy(() -> ExecutorMain.Arguments.parse(new String[] {"--driver", "h:1", "--executor-id", "1",
            "--cores", "0"})).hasMessage("--cores must be an integer from 1 to 2147483647, got '0'");
        assertThatThrownBy(() -> ExecutorMain.Arguments.parse(new String[] {"--driver", "h:1", "--cores", "1"}))
                .hasMessage("Missing --executor-id");
    }

    @Test
    void exitCodeForBadArgumentsAndMissingSecretIs11() {
        assertThat(ExecutorMain.run(new String[] {"--cores"})).isEqualTo(ExecutorMain.EXIT_BAD_ARGUMENTS);
        // The test JVM's user has no Spindle secret in its credentials.
        assertThat(ExecutorMain.run(new String[] {"--driver", "127.0.0.1:1", "--executor-id", "1", "--cores", "1"}))
                .isEqualTo(11);
    }
}
