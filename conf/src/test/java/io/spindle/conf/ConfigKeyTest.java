package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {
    @Test
    void parsesEachType() {
        assertThat(ConfigKey.stringKey("spindle.test.s", "", "doc").parse(" a b ")).isEqualTo(" a b ");
        assertThat(ConfigKey.intKey("spindle.test.i", 1, "doc").parse(" 42 ")).isEqualTo(42);
        assertThat(ConfigKey.longKey("spindle.test.l", 1, "doc").parse("9000000000")).isEqualTo(9_000_000_000L);
        assertThat(ConfigKey.doubleKey("spindle.test.d", 0.5, "doc").parse("0.75")).isEqualTo(0.75);
        assertThat(ConfigKey.booleanKey("spindle.test.b", false, "doc").parse("TRUE")).isTrue();
        assertThat(ConfigKey.dataSizeKey("spindle.test.z", "1g", "doc").parse("2g")).isEqualTo(DataSize.ofMegabytes(2048));
        assertThat(ConfigKey.durationKey("spindle.test.t", "1s", "doc").parse("5m")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void badValueNamesKeyValueAndExpectedForm() {
        assertBadValue(() -> SpindleKeys.EXECUTOR_MEMORY.parse("lots"),
                "Invalid value 'lots' for configuration key 'spindle.executor.memory': "
                        + "expected a data size such as 512m or 2g.");
    }

    @Test
    void badValueMessagesForEveryType() {
        assertBadValue(() -> SpindleKeys.EXECUTOR_CORES.parse("two"),
                "Invalid value 'two' for configuration key 'spindle.executor.cores': expected an integer such as 4.");
        assertBadValue(() -> SpindleKeys.EXECUTOR_CORES.parse("3000000000"),
                "Invalid value '3000000000' for configuration key 'spindle.executor.cores': "
                        + "expected an integer such as 4.");
        assertBadValue(() -> ConfigKey.longKey("spindle.test.l", 1, "doc").parse("1.5"),
                "Invalid value '1.5' for configuration key 'spindle.test.l': expected an integer such as 1000.");
        assertBadValue(() -> ConfigKey.doubleKey("spindle.test.d", 0.5, "doc").parse("NaN"),
                "Invalid value 'NaN' for configuration key 'spindle.test.d': expected a number such as 0.75.");
        assertBadValue(() -> SpindleKeys.LOCALITY_PREFERRED_HOSTS.parse("yes"),
                "Invalid value 'yes' for configuration key 'spindle.locality.preferredHosts': expected true or false.");
        assertBadValue(() -> SpindleKeys.EXECUTOR_HEARTBEAT_TIMEOUT.parse("60"),
                "Invalid value '60' for configuration key 'spindle.executor.heartbeatTimeout': expected a duration "
                        + "such as 250ms, 30s, 5m, 2h or 1d (a number needs a unit: ms, s, m, h or d).");
        assertBadValue(() -> SpindleKeys.AM_MEMORY.parse("1.5b"),
                "Invalid value '1.5b' for configuration key 'spindle.am.memory': "
                        + "a data size must be a whole number of bytes.");
        assertBadValue(() -> SpindleKeys.APP_NAME.parse(null),
                "Invalid value 'null' for configuration key 'spindle.app.name': a value is required.");
    }

    @Test
    void constraintFailureSaysWhatIsAllowed() {
        assertBadValue(() -> SpindleKeys.EXECUTOR_CORES.parse("0"),
                "Invalid value '0' for configuration key 'spindle.executor.cores': must be at least 1.");
        assertBadValue(() -> SpindleKeys.RPC_PORT.parse("70000"),
                "Invalid value '70000' for configuration key 'spindle.rpc.port': must be from 0 to 65535.");
        assertBadValue(() -> SpindleKeys.MASTER.parse("local[0]"),
                "Invalid value 'local[0]' for configuration key 'spindle.master': must be local, local[N], local[*] or yarn.");
        assertBadValue(() -> SpindleKeys.EXECUTOR_MEMORY.parse("0"),
                "Invalid value '0' for configuration key 'spindle.executor.memory': must be positive.");
        assertBadValue(() -> SpindleKeys.APP_NAME.parse("  "),
                "Invalid value '  ' for configuration key 'spindle.app.name': must be non-empty.");
        assertThat(SpindleKeys.MASTER.parse("local[8]")).isEqualTo("local[8]");
        assertThat(SpindleKeys.MASTER.parse("yarn")).isEqualTo("yarn");
    }

    @Test
    void defaultMustSatisfyConstraint() {
        assertThatThrownBy(() -> ConfigKey.intKey("spindle.test.i", 0, "doc").requiring(i -> i > 0, "positive"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Default 0 of spindle.test.i must be positive");
    }

    @Test
    void equalityIsByName() {
        assertThat(ConfigKey.intKey("spindle.test.i", 1, "one"))
                .isEqualTo(ConfigKey.intKey("spindle.test.i", 2, "two"))
                .hasSameHashCodeAs(ConfigKey.intKey("spindle.test.i", 2, "two"))
                .isNotEqualTo(ConfigKey.intKey("spindle.test.j", 1, "one"));
    }

    private static void assertBadValue(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ConfigException.BAD_VALUE);
    }
}
