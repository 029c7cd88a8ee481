package io.spindle.jobs.bench;

import io.spindle.api.Session;
import io.spindle.jobs.cli.JitHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs benchmark queries in one JVM: for each, the first run (cold for that query), warm-ups, then
 * timed runs; prints one line per query with its result rows, first-run and median wall time,
 * input rows per second at the median, and the peak heap used while it ran.
 */
public final class BenchRunner {
    /** The queries in the order they run. */
    public static final List<String> ALL = List.of("q1", "q6", "funnel", "wordcount", "nightly", "sort");

    private final Session session;
    private final Path data;
    private final Path scratch;
    private final PrintWriter out;

    public BenchRunner(Session session, Path data, Path scratch, PrintWriter out) {
        this.session = session;
        this.data = data;
        this.scratch = scratch;
        this.out = out;
    }

    /** What one query measured; {@code answer} fingerprints the first run's result ({@link AnswerFingerprint}). */
    public record Result(String query, long resultRows, long inputRows, long firstMillis, long medianMillis,
            long peakHeapBytes, long medianCpuMillis, long firstCpuMillis, String answer, String jit) {
        String line() {
            double seconds = Math.max(medianMillis, 1) / 1000.0;
            return String.format(Locale.ROOT, "%-10s rows=%-8d first_ms=%-7d median_ms=%-7d rows_per_s=%-12.0f "
                    + "peak_heap_mb=%-5d cpu_ms=%-6d first_cpu_ms=%-6d answer=%s", query, resultRows, firstMillis,
                    medianMillis, inputRows / seconds, peakHeapBytes >> 20, medianCpuMillis, firstCpuMillis, answer)
                    + (jit == null ? "" : " jit=" + jit);
        }
    }

    /**
     * Runs one query: the first run, {@code warmup} more untimed, then {@code runs} timed; the
     * answer's fingerprint is taken from the first run, outside its timing. With {@code oneShot},
     * only the first run, as a job would: no collection before it and no count of the input rows
     * after it (rows_per_s is then 0), so that the process does nothing but start, run the query
     * and exit ({@code bench --cold}'s child processes).
     */
    public Result run(String query, int warmup, int runs, boolean oneShot) {
        if (!oneShot) {
            resetPeaks();
        }
        long start = System.nanoTime();
        long firstCpuBegin = processCpuNanos();
        Object firstResult = runOnce(query);
        long first = (System.nanoTime() - start) / 1_000_000;
        long firstCpu = (processCpuNanos() - firstCpuBegin) / 1_000_000;
        Answer answer = answer(query, firstResult);
        long rows = answer.rows();
        if (oneShot) {
            return print(new Result(query, rows, 0, first, first, peakHeap(), firstCpu, firstCpu, answer.fingerprint(),
                    JitHistory.launchedMode()));
        }
        long inputRows = inputRows(query); // after the first run, so that the first run of a fresh JVM is cold
        for (int i = 0; i < warmup; i++) {
            runOnce(query);
        }
        List<Long> times = new ArrayList<>();
        List<Long> cpuTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            long cpuBegin = processCpuNanos();
            runOnce(query);
            times.add((System.nanoTime() - begin) / 1_000_000);
            cpuTimes.add((processCpuNanos() - cpuBegin) / 1_000_000);
        }
        times.sort(null);
        cpuTimes.sort(null);
        long median = times.isEmpty() ? first : times.get(times.size() / 2);
        long cpu = cpuTimes.isEmpty() ? 0 : cpuTimes.get(cpuTimes.size() / 2);
        return print(new Result(query, rows, inputRows, first, median, peakHeap(), cpu, firstCpu,
                answer.fingerprint(), null));
    }

    private Result print(Result result) {
        out.println(result.line());
        out.flush();
        return result;
    }

    /** A run's result rows and its fingerprint. */
    private record Answer(long rows, String fingerprint) {
        static Answer of(List<?> rows) {
            return new Answer(rows.size(), AnswerFingerprint.of(rows));
        }

        static Answer ofCount(long rows) {
            return new Answer(rows, AnswerFingerprint.of(List.of(rows)));
        }
    }

    /** The answer of a run's result: its rows, a count, or (sort, whose output is deleted) the rows it sorted. */
    private Answer answer(String query, Object result) {
        if (result instanceof List<?> rows) {
            return Answer.of(rows);
        }
        return Answer.ofCount(result instanceof Long count ? count : inputRows(query));
    }

    /** Runs the query once; returns its result rows, its row count, or null when it leaves no result (sort). */
    private Object runOnce(String query) {
        switch (query) {
            case "q1":
                return BenchQueries.q1(session, data);
            case "q6":
                return BenchQueries.q6(session, data);
            case "wordcount":
                return BenchQueries.wordcount(session, data);
            case "sort": {
                Path output = scratch.resolve("sort-" + System.nanoTime());
                BenchQueries.sort(session, data, output.toString());
                deleteRecursively(output);
                return null;
            }
            case "funnel":
                return BenchQueries.funnel(session, data);
            case "nightly": {
                List<Path> days = BenchQueries.eventDays(data);
                return BenchQueries.nightly(session, data, BenchQueries.dateOf(days.get(days.size() - 1)),
                        scratch.resolve("nightly"));
            }
            default:
                throw new IllegalArgumentException("Unknown query '" + query + "'; known: " + ALL);
        }
    }

    private final java.util.Map<String, Long> inputRows = new java.util.HashMap<>();

    private long inputRows(String query) {
        String table = switch (query) {
            case "wordcount" -> "text";
            case "funnel" -> "events-30-days";
            case "nightly" -> "events-1-day";
            default -> "lineitem";
        };
        return inputRows.computeIfAbsent(table, name -> switch (name) {
            case "text" -> session.textFile(data.resolve("text").toString()).count();
            case "events-30-days" -> {
                List<Path> days = BenchQueries.eventDays(data);
                yield session.read().parquet(days.subList(Math.max(0, days.size() - 30), days.size()).stream()
                        .map(Path::toString).toArray(String[]::new)).count();
            }
            case "events-1-day" -> {
                List<Path> days = BenchQueries.eventDays(data);
                yield session.read().parquet(days.get(days.size() - 1).toString()).count();
            }
            default -> BenchQueries.lineitem(session, data).count();
        });
    }

    /** CPU time of this whole process (all threads, GC included): steadier than wall time on a shared machine. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
