package io.spindle.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --cold N}: each query in N fresh JVMs, one at a time, each started through the same
 * launcher as the user's command ({@code $SPINDLE_HOME/bin/spindle}) as a one-shot
 * {@code bench --one-shot} of that query, timed from before the launch until the process has
 * exited. That whole-process wall time is what a scheduler running one job per process sees:
 * launcher, JVM start, session and backend start-up, the query, and exit. The children's answers
 * must agree with each other (and are printed, to compare with an in-JVM run's).
 */
final class ColdRuns {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^(\\S+) +rows=(\\d+) +first_ms=(\\d+) .*answer=(\\w+)(?: +jit=(\\w+))?\\s*$");

    /**
     * One child process: its whole wall time and what it printed about its query, with the JIT
     * mode bin/spindle chose for it (quick or tiered; "default" when started without it).
     */
    record ChildRun(long processMillis, long firstMillis, long rows, String answer, String jit) {
    }

    /** N child processes of one query. */
    record Result(String query, List<ChildRun> runs) {
        long medianProcessMillis() {
            return median(ChildRun::processMillis);
        }

        long medianFirstMillis() {
            return median(ChildRun::firstMillis);
        }

        /** What the process spent outside its query: launcher, JVM, start-up and exit. */
        long medianOutsideMillis() {
            return median(run -> run.processMillis() - run.firstMillis());
        }

        String answer() {
            return runs.get(0).answer();
        }

        long rows() {
            return runs.get(0).rows();
        }

        private long median(ToLongFunction<ChildRun> value) {
            long[] values = runs.stream().mapToLong(value).sorted().toArray();
            return values[values.length / 2];
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s cold_runs=%-3d process_ms=%-7d first_ms=%-7d outside_ms=%-7d "
                    + "rows=%-8d answer=%s process_ms_each=%s jit_each=%s", query, runs.size(), medianProcessMillis(),
                    medianFirstMillis(), medianOutsideMillis(), rows(), answer(),
                    runs.stream().map(run -> Long.toString(run.processMillis())).toList(),
                    runs.stream().map(ChildRun::jit).toList());
        }
    }

    private final List<String> launcher;
    private final Path data;
    private final Path workDir;
    private final String master;
    private final Path scratch;
    private final String jit;

    /**
     * {@code jit} is passed to the children as {@code SPINDLE_JIT} (which bin/spindle reads):
     * {@code auto} leaves the choice to the launcher, which learns it from the job's last run as
     * for any job, so a query's first fresh process may run tiered and the rest quick.
     */
    ColdRuns(List<String> launcher, Path data, Path workDir, String master, Path scratch, String jit) {
        this.launcher = List.copyOf(launcher);
        this.data = data;
        this.workDir = workDir;
        this.master = master;
        this.scratch = scratch;
        this.jit = jit;
    }

    /** Runs {@code query} in {@code count} fresh processes, one after another. */
    Result run(String query, int count) throws IOException, InterruptedException {
        List<ChildRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(runChild(query, i));
        }
        if (runs.stream().map(ChildRun::answer).distinct().count() > 1) {
            throw new IllegalStateException("the fresh processes disagree on " + query + "'s answer: "
                    + runs.stream().map(ChildRun::answer).toList());
        }
        return new Result(query, runs);
    }

    private ChildRun runChild(String query, int index) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("bench", "--one-shot", "--data", data.toString(), "--work-dir", workDir.toString(),
                "--master", master, "--queries", query));
        Path stdout = scratch.resolve("cold-" + query + "-" + index + ".out");
        Path stderr = scratch.resolve("cold-" + query + "-" + index + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().put("SPINDLE_JIT", jit);
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long processMillis = (System.nanoTime() - start) / 1_000_000;
        String printed = Files.readString(stdout);
        Matcher line = LINE.matcher(printed);
        while (line.find()) {
            if (line.group(1).equals(query)) {
                if (exit != 0) {
                    break;
                }
                return new ChildRun(processMillis, Long.parseLong(line.group(3)), Long.parseLong(line.group(2)),
                        line.group(4), line.group(5) == null ? "default" : line.group(5));
            }
        }
        throw new IllegalStateException("the fresh process for " + query + " exited with " + exit
                + " without a result line; its output:\n" + tail(printed) + tail(Files.readString(stderr))
                + "command: " + String.join(" ", command));
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * {@code $SPINDLE_HOME/bin/spindle} when this process was started by it (so children get the
     * same JVM options and class-data archive); otherwise this JVM's java with its class path and
     * options (tests, IDEs).
     */
    static List<String> defaultLauncher() {
        Optional<Path> script = Optional.ofNullable(System.getenv("SPINDLE_HOME"))
                .map(home -> Path.of(home, "bin", "spindle")).filter(Files::isExecutable);
        if (script.isPresent()) {
            return List.of(script.get().toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent")
                    && !option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-XX:ArchiveClassesAtExit")
                    && !option.startsWith("-XX:SharedArchiveFile")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.spindle.jobs.cli.SpindleMain"));
        return command;
    }
}
