package io.spindle.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void timesOutWithTheMessage() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Eventually.waitFor("the moon to turn blue", Duration.ofMillis(300), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the moon to turn blue")
                .hasMessageContaining("300 ms");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMs).isBetween(300L, 2_000L);
    }

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        long t0 = System.nanoTime();
        Eventually.waitFor("the third poll", Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 3);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(polls.get()).isEqualTo(3);
        assertThat(elapsedMs).isLessThan(2_000L);
    }

    @Test
    void returnsAtOnceWhenAlreadyTrue() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.waitFor("nothing", Duration.ofSeconds(10), () -> polls.incrementAndGet() > 0);
        assertThat(polls.get()).isEqualTo(1);
    }

    @Test
    void aConditionThatKeepsThrowingTimesOutWithTheLastExceptionAsCause() {
        assertThatThrownBy(() -> Eventually.waitFor("a flaky probe", Duration.ofMillis(200), () -> {
            throw new IllegalStateException("not ready");
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a flaky probe")
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("not ready");
    }
}
