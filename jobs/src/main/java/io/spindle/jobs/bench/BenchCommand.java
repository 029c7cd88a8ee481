package io.spindle.jobs.bench;

import io.spindle.api.Session;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/spindle bench}: generates deterministic data at a scale (or uses {@code --data}) and
 * runs the benchmark queries in this JVM, one line per query.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmark queries (TPC-H Q1/Q6, funnel, wordcount, nightly, sort) and print timings.")
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scale", defaultValue = "1", description = "Data scale: 1 = 1M lineitem rows and 20 MB of text.")
    double scale;

    @Option(names = "--text-mb", description = "Megabytes of generated text (default: 20 x scale).")
    Double textMegabytes;

    @Option(names = "--preset", description = "Data sizes by name instead of --scale: 'issue' = 6M lineitem rows, "
            + "20M events over 60 days, 200k products, 500 MiB of text (the sizes of the Spark comparison).")
    String preset;

    @Option(names = "--data", description = "Existing data directory (lineitem/, events/, products/, text/).")
    Path data;

    @Option(names = "--work-dir", description = "Where generated data (kept and reused across runs) and scratch output "
            + "go (default: $SPINDLE_HOME/target/bench, else <tmp>/spindle-bench).")
    Path workDir;

    @Option(names = "--queries", split = ",", defaultValue = "q1,q6,funnel,wordcount,nightly,sort",
            description = "Queries to run, comma-separated: ${DEFAULT-VALUE}.")
    List<String> queries;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per query.")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs after the first, per query.")
    int warmup;

    @Option(names = "--master", defaultValue = "local[2]", description = "local[N], local[*] or yarn.")
    String master;

    @Option(names = "--cold", defaultValue = "0", description = "Instead of the runs in this JVM: run each query in "
            + "this many fresh JVMs, one at a time, through bin/spindle, and print the median whole-process wall time "
            + "(start to exit) beside the query's own first_ms.")
    int cold;

    @Option(names = "--one-shot", hidden = true, description = "Only the query's first run, nothing before or after "
            + "it that a job would not do (the child processes of --cold).")
    boolean oneShot;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String query : queries) {
            if (!BenchRunner.ALL.contains(query.toLowerCase(Locale.ROOT))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Unknown query '" + query + "'; known: " + String.join(",", BenchRunner.ALL));
            }
        }
        if (cold < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cold must be 0 (off) or more processes, not "
                    + cold);
        }
        Path work = workDir != null ? workDir : defaultWorkDirectory();
        BenchSizes sizes = sizes();
        Path dataDirectory = data != null ? data : generate(work.resolve(sizes.directoryName()), sizes, out);
        Path scratch = Files.createDirectories(work.resolve("scratch-" + ProcessHandle.current().pid()));
        if (cold > 0) {
            try {
                return runCold(dataDirectory, work, scratch, out);
            } finally {
                BenchRunner.deleteRecursively(scratch);
            }
        }
        int failed = 0;
        try (Session session = Session.builder().master(master).appName("spindle-bench").getOrCreate()) {
            BenchRunner runner = new BenchRunner(session, dataDirectory, scratch, out);
            for (String query : queries) {
                try {
                    runner.run(query.toLowerCase(Locale.ROOT), warmup, runs, oneShot);
                } catch (UnsupportedOperationException e) {
                    out.printf("%-10s not yet supported%n", query);
                } catch (RuntimeException e) {
                    failed++;
                    out.printf("%-10s FAILED: %s%n", query, e);
                }
                out.flush();
            }
        } finally {
            BenchRunner.deleteRecursively(scratch);
        }
        return failed == 0 ? 0 : 3;
    }

    private int runCold(Path dataDirectory, Path work, Path scratch, PrintWriter out) throws Exception {
        ColdRuns coldRuns = new ColdRuns(ColdRuns.defaultLauncher(), dataDirectory, work, master, scratch);
        int failed = 0;
        for (String query : queries) {
            try {
                out.println(coldRuns.run(query.toLowerCase(Locale.ROOT), cold).line());
            } catch (IllegalStateException e) {
                failed++;
                out.printf("%-10s FAILED: %s%n", query, e.getMessage());
            }
            out.flush();
        }
        return failed == 0 ? 0 : 3;
    }

    private BenchSizes sizes() {
        if (preset == null) {
            return BenchSizes.scaled(scale, Math.round(textMegabytes != null ? textMegabytes * (1 << 20)
                    : BenchData.TEXT_BYTES_PER_SCALE * scale));
        }
        if (!preset.equalsIgnoreCase("issue")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown preset '" + preset + "'; known: issue (or use --scale)");
        }
        return textMegabytes == null ? BenchSizes.ISSUE : new BenchSizes(BenchSizes.ISSUE.lineitemRows(),
                BenchSizes.ISSUE.events(), BenchSizes.ISSUE.eventDays(), BenchSizes.ISSUE.products(),
                Math.round(textMegabytes * (1 << 20)));
    }

    /** Generated data is kept here between runs, so a size is generated once. */
    private static Path defaultWorkDirectory() {
        String home = System.getenv("SPINDLE_HOME");
        return home != null && Files.isDirectory(Path.of(home, "jobs"))
                ? Path.of(home, "target", "bench")
                : Path.of(System.getProperty("java.io.tmpdir"), "spindle-bench");
    }

    /** The data at a scale with the default amount of text (20 MB x scale). */
    static Path generate(Path directory, double scale, PrintWriter out) throws Exception {
        return generate(directory, BenchSizes.scaled(scale, Math.round(BenchData.TEXT_BYTES_PER_SCALE * scale)), out);
    }

    /**
     * Generates each table of the data set unless it is already complete: a table is written under
     * a hidden name and renamed into place, so a crash mid-way leaves no half table behind.
     */
    static Path generate(Path directory, BenchSizes sizes, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(directory);
        boolean complete = Files.exists(directory.resolve("lineitem")) && Files.exists(directory.resolve("text"))
                && Files.exists(directory.resolve("events"));
        if (!complete) {
            out.printf("generating %s under %s ...%n", sizes, directory);
            out.flush();
        }
        generateTable(directory, "lineitem", table -> BenchData.writeLineitem(table, sizes.lineitemRows(), 42));
        generateTable(directory, "text", table -> BenchData.writeText(table, sizes.textBytes(), 7));
        generateTable(directory, "events", table -> {
            Path staging = table.resolveSibling(table.getFileName() + "-all");
            BenchData.writeEvents(staging, sizes.products(), sizes.events(), sizes.eventDays(), 99);
            BenchRunner.deleteRecursively(directory.resolve("products"));
            Files.move(staging.resolve("products"), directory.resolve("products"));
            Files.move(staging.resolve("events"), table);
            BenchRunner.deleteRecursively(staging);
        });
        out.printf("data (%s) %s in %d ms under %s%n", sizes, complete ? "reused" : "generated",
                (System.nanoTime() - start) / 1_000_000, directory);
        out.flush();
        return directory;
    }

    private interface TableWriter {
        void write(Path table) throws Exception;
    }

    private static void generateTable(Path directory, String name, TableWriter writer) throws Exception {
        Path table = directory.resolve(name);
        if (Files.exists(table)) {
            return;
        }
        Path staging = directory.resolve(".generating-" + name);
        BenchRunner.deleteRecursively(staging);
        BenchRunner.deleteRecursively(staging.resolveSibling(staging.getFileName() + "-all"));
        writer.write(staging);
        Files.move(staging, table);
    }

}
