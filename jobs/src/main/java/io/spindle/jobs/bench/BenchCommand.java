package io.spindle.jobs.bench;

import io.spindle.am.local.LocalMaster;
import io.spindle.api.Session;
import io.spindle.jobs.cli.CommandSpec;
import io.spindle.jobs.cli.CommandSpec.UsageException;
import io.spindle.jobs.cli.CommandSpec.ValueType;
import io.spindle.jobs.cli.SpindleCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/spindle bench}: generates deterministic data at a scale (or uses {@code --data}) and
 * runs the benchmark queries in this JVM, one line per query.
 */
public final class BenchCommand implements SpindleCommand {
    private static final List<String> DEFAULT_QUERIES = BenchRunner.ALL;

    private double scale = 1;
    private Double textMegabytes;
    private String preset;
    private Path data;
    private Path workDir;
    private List<String> queries;
    private int runs = 3;
    private int warmup = 1;
    private String master = "local[2]";
    private int cold;
    private String jit = "auto";
    private boolean oneShot;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("bench",
                "Run the benchmark queries (TPC-H Q1/Q6, funnel, wordcount, nightly, sort) and print timings.")
                .option("--scale", "scale", "Data scale: 1 = 1M lineitem rows and 20 MB of text.", ValueType.DOUBLE,
                        value -> scale = value)
                .option("--text-mb", "textMegabytes", "Megabytes of generated text (default: 20 x scale).",
                        ValueType.DOUBLE, value -> textMegabytes = value)
                .option("--preset", "preset", "Data sizes by name instead of --scale: 'issue' = 6M lineitem rows, "
                        + "20M events over 60 days, 200k products, 500 MiB of text (the sizes of the Spark comparison).",
                        ValueType.STRING, value -> preset = value)
                .option("--data", "data", "Existing data directory (lineitem/, events/, products/, text/).",
                        ValueType.PATH, value -> data = value)
                .option("--work-dir", "workDir", "Where generated data (kept and reused across runs) and scratch output "
                        + "go (default: $SPINDLE_HOME/target/bench, else <tmp>/spindle-bench).", ValueType.PATH,
                        value -> workDir = value)
                .option("--queries", "queries", "Queries to run, comma-separated (repeatable): "
                        + String.join(",", DEFAULT_QUERIES) + ".", ValueType.STRING, this::addQueries)
                .option("--runs", "runs", "Timed runs per query.", ValueType.INT, value -> runs = value)
                .option("--warmup", "warmup", "Untimed runs after the first, per query.", ValueType.INT,
                        value -> warmup = value)
                .option("--master", "master", "local[N], local[*] or yarn.", ValueType.STRING, value -> master = value)
                .option("--cold", "processes", "Instead of the runs in this JVM: run each query in this many fresh "
                        + "JVMs, one at a time, through bin/spindle, and print the median whole-process wall time "
                        + "(start to exit) beside the query's own first_ms.", ValueType.INT, value -> cold = value)
                .option("--jit", "mode", "With --cold: the JIT of the fresh JVMs, auto (bin/spindle's choice from "
                        + "the job's last run, as for any job), quick (C1 only) or tiered (C1 then C2).",
                        ValueType.STRING, value -> jit = value)
                .hiddenFlag("--one-shot", "Only the query's first run, nothing before or after it that a job would "
                        + "not do (the child processes of --cold).", () -> oneShot = true);
    }

    private void addQueries(String list) {
        if (queries == null) {
            queries = new ArrayList<>();
        }
        queries.addAll(Arrays.asList(list.split(",")));
    }

    @Override
    public boolean startsLocalSession() {
        return cold == 0 && LocalMaster.isLocal(master); // with --cold the queries run in child processes
    }

    @Override
    public int call(PrintWriter out, PrintWriter err) throws Exception {
        if (queries == null) {
            queries = DEFAULT_QUERIES;
        }
        for (String query : queries) {
            if (!BenchRunner.ALL.contains(query.toLowerCase(Locale.ROOT))) {
                throw new UsageException(
                        "Unknown query '" + query + "'; known: " + String.join(",", BenchRunner.ALL));
            }
        }
        if (cold < 0) {
            throw new UsageException("--cold must be 0 (off) or more processes, not "
                    + cold);
        }
        if (!List.of("auto", "quick", "tiered").contains(jit)) {
            throw new UsageException("--jit must be auto, quick or tiered, not '" + jit + "'");
        }
        if (cold == 0 && !jit.equals("auto")) {
            throw new UsageException("--jit sets the JIT of --cold's fresh processes; without --cold this JVM's "
                    + "own was chosen when it started (SPINDLE_JIT)");
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
        ColdRuns coldRuns = new ColdRuns(ColdRuns.defaultLauncher(), dataDirectory, work, master, scratch, jit);
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
            throw new UsageException(
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
