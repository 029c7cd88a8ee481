package io.spindle.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a few independent steps at the same time and fails as running them in turn would have: the
 * first step runs on the calling thread, each other one on a daemon thread of a shared pool (with the
 * caller's context class loader); every step runs to its end (none can be abandoned half-done, so an
 * interrupt of the caller is kept for after the wait); then, if any failed, the failure of the first
 * failing step in the given order is thrown. Used where the driver would otherwise leave cores idle:
 * independent map stages, footer reads of a merged schema, the start of local executors.
 */
public final class Concurrently {
    /** One step; it may throw what the caller would. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "spindle-concurrently-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private Concurrently() {}

    /**
     * The results of {@code steps}, in their order, each run once and all at the same time. The first
     * failure in order is thrown as it was if it is an {@link IOException}, a runtime exception or an
     * error, and wrapped in an {@link IllegalStateException} otherwise.
     */
    public static <T> List<T> runAll(List<? extends Step<? extends T>> steps) throws IOException {
        int count = steps.size();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Future<? extends T>> others = new ArrayList<>(Math.max(0, count - 1));
        for (Step<? extends T> step : steps.subList(Math.min(1, count), count)) {
            others.add(POOL.submit(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                return step.run();
            }));
        }
        Object[] results = new Object[count];
        Throwable[] failures = new Throwable[count];
        if (count > 0) {
            try {
                results[0] = steps.get(0).run();
            } catch (Exception | Error e) {
                failures[0] = e;
            }
        }
        boolean interrupted = false;
        for (int i = 1; i < count; i++) {
            while (true) {
                try {
                    results[i] = others.get(i - 1).get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failures[i] = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable failure : failures) {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }
}
