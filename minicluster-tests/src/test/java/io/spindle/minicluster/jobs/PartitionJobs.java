package io.spindle.minicluster.jobs;

import io.spindle.api.Session;
import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Jobs the cluster tests submit. They live in the test's own application jar (built by
 * {@code TestApplicationJar}), shipped to YARN like any user's jar.
 *
 * <p>Every job computes {@code value(p) = p * p + 1} for partitions {@code 0..n-1} on the executors
 * and writes their sum to an output file, so a test can compare the output with a plain loop.
 */
public final class PartitionJobs {

    private PartitionJobs() {
    }

    public static long value(int partition) {
        return (long) partition * partition + 1;
    }

    /** Runs {@code tasks} and writes the sum of their results to {@code output}. */
    static void runAndWrite(List<Task<Long>> tasks, String output) throws IOException {
        try (Session session = Session.builder().getOrCreate()) {
            List<Long> results = session.runTasks("partition values", tasks);
            long sum = results.stream().mapToLong(Long::longValue).sum();
            Path path = new Path(output);
            FileSystem fs = path.getFileSystem(session.hadoopConf());
            try (OutputStream out = fs.create(path, true)) {
                out.write((results.size() + "\t" + sum + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code Succeed <partitions> <output>}: every task succeeds. */
    public static final class Succeed {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            List<Task<Long>> tasks = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                tasks.add(context -> value(context.partitionId()));
            }
            runAndWrite(tasks, args[1]);
        }
    }

    /** {@code AlwaysFail <partitions> <failing partition>}: one partition's task throws on every attempt. */
    public static final class AlwaysFail {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            int failing = Integer.parseInt(args[1]);
            List<Task<Long>> tasks = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                tasks.add(context -> {
                    if (context.partitionId() == failing) {
                        throw new IllegalStateException("bad record in partition " + context.partitionId());
                    }
                    return value(context.partitionId());
                });
            }
            runAndWrite(tasks, "/tmp/never-written-" + System.nanoTime());
        }
    }

    /** {@code FailOnce <partitions> <output>}: partition 0 fails on its first attempt only. */
    public static final class FailOnce {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            List<Task<Long>> tasks = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                tasks.add(context -> {
                    if (context.partitionId() == 0 && context.attemptNumber() == 0) {
                        throw new IllegalStateException("transient failure on the first attempt");
                    }
                    return value(context.partitionId());
                });
            }
            runAndWrite(tasks, args[1]);
        }
    }

    /** {@code KillExecutor <partitions>}: every task halts its executor's JVM, as a native crash would. */
    public static final class KillExecutor {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            List<Task<Long>> tasks = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                tasks.add(context -> {
                    Runtime.getRuntime().halt(42);
                    return 0L;
                });
            }
            runAndWrite(tasks, "/tmp/never-written-" + System.nanoTime());
        }
    }

    /**
     * {@code Gated <partitions> <gate file> <output>}: every task waits (bounded) until the gate
     * file exists, so a test can act on the cluster while tasks are running.
     */
    public static final class Gated {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            String gate = args[1];
            List<Task<Long>> tasks = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                tasks.add(new GatedTask(gate));
            }
            runAndWrite(tasks, args[2]);
        }
    }

    /**
     * {@code WarmUpThenGated <partitions> <gate file> <output>}: a first stage of quick tasks, then
     * the gated stage, so half of all tasks are done while the job waits at the gate.
     */
    public static final class WarmUpThenGated {
        public static void main(String[] args) throws IOException {
            int n = Integer.parseInt(args[0]);
            try (Session session = Session.builder().getOrCreate()) {
                List<Task<Long>> warmUp = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    warmUp.add(context -> value(context.partitionId()));
                }
                session.runTasks("warm-up", warmUp);
                List<Task<Long>> gated = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    gated.add(new GatedTask(args[1]));
                }
                session.runTasks("gated", gated);
            }
        }
    }

    /** Waits for the gate file for at most two minutes, then returns its partition's value. */
    record GatedTask(String gate) implements Task<Long> {
        @Override
        public Long run(TaskContext context) throws Exception {
            Path path = new Path(gate);
            FileSystem fs = path.getFileSystem(context.hadoopConf());
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!fs.exists(path)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gate " + gate + " never opened");
                }
                Thread.sleep(100);
            }
            return value(context.partitionId());
        }
    }
}
