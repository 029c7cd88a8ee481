package io.spindle.jobs.cli.testjobs;

import io.spindle.api.Session;
import io.spindle.exec.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A tiny job for CLI tests: squares 1..n in n tasks and writes
 * {@code n=<n> sum=<sum> partitions=<p0,p1,..> extra=<remaining args>} to the file given first.
 *
 * <p>Usage: {@code SumOfSquaresJob <result file> <n> [extra args...]}
 */
public final class SumOfSquaresJob {

    private SumOfSquaresJob() {
    }

    public static void main(String[] args) throws IOException {
        Path resultFile = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Session session = Session.builder().getOrCreate();
        List<Task<Long>> tasks = IntStream.rangeClosed(1, n)
                .mapToObj(value -> (Task<Long>) context -> (long) value * value)
                .toList();
        List<Long> squares = session.runTasks("squares", tasks);
        List<Integer> partitions = session.runTasks("partition ids",
                IntStream.range(0, 3).mapToObj(ignored -> (Task<Integer>) context -> context.partitionId()).toList());
        long sum = squares.stream().mapToLong(Long::longValue).sum();
        String extra = String.join(" ", List.of(args).subList(2, args.length));
        Files.writeString(resultFile, "n=" + n + " sum=" + sum + " partitions=" + partitions + " extra=" + extra,
                StandardCharsets.UTF_8);
    }
}
