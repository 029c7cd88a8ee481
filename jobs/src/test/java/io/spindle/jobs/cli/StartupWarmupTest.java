package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command lines warm up a local session's initialisation on a second thread. */
class StartupWarmupTest {

    @Test
    void benchAndLocalSubmitsWarmUp() {
        assertThat(StartupWarmup.startsLocalSession(List.of("bench", "--queries", "q6"))).isTrue();
        assertThat(StartupWarmup.startsLocalSession(List.of("bench", "--master", "local[2]"))).isTrue();
        assertThat(StartupWarmup.startsLocalSession(List.of("submit", "--master", "local[2]", "--class", "C", "a.jar")))
                .isTrue();
        assertThat(StartupWarmup.startsLocalSession(List.of("submit", "--master=local", "--class", "C", "a.jar")))
                .isTrue();
    }

    @Test
    void helpClusterCommandsAndYarnSubmitsDoNot() {
        assertThat(StartupWarmup.startsLocalSession(List.of())).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("--help"))).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("bench", "--help"))).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("bench", "--master", "yarn"))).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("bench", "--cold", "3"))).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("status", "application_1_0001"))).isFalse();
        assertThat(StartupWarmup.startsLocalSession(List.of("submit", "--master", "yarn", "--class", "C", "a.jar")))
                .isFalse();
        // Without --master the configured default decides, which may be YARN.
        assertThat(StartupWarmup.startsLocalSession(List.of("submit", "--class", "C", "a.jar"))).isFalse();
        // An argument of the job that looks like the option is the job's (after the jar) - still only a warm-up.
        assertThat(StartupWarmup.startsLocalSession(List.of("demo"))).isFalse();
    }

    @Test
    void theWarmupThreadIsADaemonAndEnds() throws InterruptedException {
        Thread thread = StartupWarmup.startFor("bench", "--master", "local[1]");

        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).isTrue();
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(StartupWarmup.startFor("--help")).isNull();
    }
}
