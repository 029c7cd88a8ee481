package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "0, PT0S",
        "0s, PT0S",
        "250ms, PT0.25S",
        "30s, PT30S",
        "5m, PT5M",
        "5M, PT5M",
        "2h, PT2H",
        "1d, PT24H",
        "1.5h, PT1H30M",
        "' 10 s ', PT10S",
        "1500us, PT0.0015S",
    })
    void parses(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0",
        "PT0.25S, 250ms",
        "PT1.5S, 1500ms",
        "PT30S, 30s",
        "PT60S, 1m",
        "PT90S, 90s",
        "PT90M, 90m",
        "PT2H, 2h",
        "PT48H, 2d",
        "PT0.000001S, 1us",
    })
    void formatsAsShortestExactUnit(String iso, String text) {
        Duration duration = Duration.parse(iso);
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }

    @Test
    void aNumberOtherThanZeroNeedsAUnit() {
        assertThatThrownBy(() -> Durations.parse("30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration '30': expected a duration such as 250ms, 30s, 5m, 2h or 1d "
                        + "(a number needs a unit: ms, s, m, h or d)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "-5s", "5 minutes", "PT30S", "5w", "1e3s"})
    void rejectsTextThatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration '" + text + "': expected a duration such as 250ms, 30s, 5m, 2h or 1d");
    }

    @Test
    void rejectsOverflowAndNegativeFormat() {
        assertThatThrownBy(() -> Durations.parse("200000d"))
                .hasMessage("Invalid duration '200000d': a duration must be shorter than 106751d");
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
