package io.spindle.runtime.rdd;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import io.spindle.plan.stage.TaskLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;

/**
 * A hand-written stand-in for the local backend: runs each stage's tasks on a small thread pool,
 * after a Java serialization round trip of every task, as executors receive them.
 */
final class ThreadPoolLauncher implements TaskLauncher, AutoCloseable {
    private final ExecutorService pool;
    private final int slots;
    private int stages;

    ThreadPoolLauncher(int slots) {
        this.slots = slots;
        this.pool = Executors.newFixedThreadPool(slots);
    }

    @Override
    public <R extends Serializable> List<R> runTasks(String stageName, List<? extends Task<R>> tasks) {
        int stageId = stages++;
        List<Future<R>> futures = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task<R> task = roundTrip(tasks.get(i));
            int partition = i;
            futures.add(pool.submit(() -> task.run(new Context(stageId, partition))));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new RuntimeException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    int stagesRun() {
        return stages;
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T task) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(task);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Task does not serialize: " + e, e);
        }
    }

    @Override
    public int defaultParallelism() {
        return slots;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final Configuration HADOOP_CONF = new Configuration();

    private record Context(int stageId, int partitionId) implements TaskContext {
        @Override
        public String applicationId() {
            return "test";
        }

        @Override
        public int attemptNumber() {
            return 0;
        }

        @Override
        public String executorId() {
            return "0";
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public SpindleConf conf() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Configuration hadoopConf() {
            return HADOOP_CONF;
        }
    }
}
