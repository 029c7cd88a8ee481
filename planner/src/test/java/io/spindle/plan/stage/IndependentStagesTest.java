package io.spindle.plan.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IndependentStagesTest {

    @Test
    void launchesRunAtTheSameTimeAndResultsComeBackInTheirOrder() {
        int count = 4;
        CyclicBarrier allStarted = new CyclicBarrier(count);
        List<Supplier<String>> launches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            launches.add(() -> {
                try {
                    // Passes only if all launches are running at once; a serial run times out here.
                    allStarted.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("launch " + id + " did not run alongside the others", e);
                }
                return "stage-" + id;
            });
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add("stage-" + i);
        }
        assertEquals(expected, IndependentStages.runAll(launches));
    }

    @Test
    void aSingleLaunchRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true), IndependentStages.runAll(List.of(() -> Thread.currentThread() == caller)));
    }

    @Test
    void theFirstFailureInLaunchOrderIsThrownAfterEveryLaunchEnded() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException first = new IllegalStateException("stage 0 failed");
        IllegalStateException second = new IllegalStateException("stage 1 failed");
        List<Supplier<Integer>> launches = List.of(
                () -> {
                    // Fails only after the later launch has failed, so arrival order differs from launch order.
                    awaitWithin20s(laterFailed);
                    finished.incrementAndGet();
                    throw first;
                },
                () -> {
                    finished.incrementAndGet();
                    laterFailed.countDown();
                    throw second;
                },
                () -> {
                    awaitWithin20s(laterFailed);
                    finished.incrementAndGet();
                    return 2;
                });
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> IndependentStages.runAll(launches));
        assertSame(first, thrown);
        assertEquals(3, finished.get(), "every launch runs to its end before the failure is thrown");
    }

    private static void awaitWithin20s(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anErrorOfALaterLaunchIsRethrownAsItIs() {
        Error error = new AssertionError("boom");
        List<Supplier<Integer>> launches = List.of(() -> 1, () -> {
            throw error;
        });
        AssertionError thrown = assertThrows(AssertionError.class, () -> IndependentStages.runAll(launches));
        assertSame(error, thrown);
    }
}
