package io.spindle.plan.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs stages that do not read each other at the same time, so that their tasks share the task
 * slots: the build side of a join (often a single task) and its probe side then fill the cores
 * together instead of one core idling while the other side's one task runs. A stage's launch blocks
 * until its tasks are done, so each one but the first waits on a launcher thread of its own; the
 * scheduler hands out the slots to the submitted stages in submission order.
 *
 * <p>Every stage runs to its end even if another fails (there is no cancelling a submitted stage);
 * then the failure of the first failing stage in the given order is thrown, the one a serial run
 * would have met first.
 */
final class IndependentStages {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService LAUNCHERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30,
            TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "spindle-stage-launcher-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private IndependentStages() {}

    /** The results of {@code launches}, in their order, each run once and all at the same time. */
    static <T> List<T> runAll(List<Supplier<T>> launches) {
        if (launches.size() == 1) {
            return List.of(launches.get(0).get());
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Future<T>> others = new ArrayList<>(launches.size() - 1);
        for (Supplier<T> launch : launches.subList(1, launches.size())) {
            others.add(LAUNCHERS.submit(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                return launch.get();
            }));
        }
        List<T> results = new ArrayList<>(launches.size());
        RuntimeException firstFailure = null;
        try {
            results.add(launches.get(0).get());
        } catch (RuntimeException e) {
            firstFailure = e;
            results.add(null);
        }
        boolean interrupted = false;
        for (Future<T> other : others) {
            while (true) {
                try {
                    results.add(other.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the stage cannot be abandoned half-run; wait on, then re-interrupt
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(null);
                    if (firstFailure == null) {
                        firstFailure = asRuntime(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return results;
    }

    private static RuntimeException asRuntime(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("A stage launch failed: " + cause, cause);
    }
}
