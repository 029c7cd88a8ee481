package io.spindle.jobs.demo;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.am.client.SubmitRequest;
import io.spindle.am.client.YarnSubmissionClient;
import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import io.spindle.jobs.cli.CommandSpec;
import io.spindle.jobs.cli.SpindleCommand;
import io.spindle.jobs.cli.SpindleHome;
import io.spindle.jobs.cluster.EmbeddedCluster;
import io.spindle.jobs.linecount.LineWordCount;
import io.spindle.jobs.linecount.TextCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;

/**
 * {@code spindle demo}: an embedded cluster (HDFS, YARN, Hive Metastore) in this process, sample
 * text on its HDFS, the line-and-word count job submitted through the real client path, its
 * answer checked against counts made while generating the input, and everything shut down.
 */
public final class DemoCommand implements SpindleCommand {

    private int files = 4;
    private int fileSize = 3_000_000;
    private Path dir;

    @Override
    public CommandSpec spec() {
        return new CommandSpec("demo",
                "Run the line/word count job on an embedded HDFS + YARN + metastore and check its answer.")
                .option("--files", "files", "input files to generate (default: 4)", CommandSpec.ValueType.INT,
                        value -> files = value)
                .option("--file-size", "fileSize", "bytes per file (default: 3000000)", CommandSpec.ValueType.INT,
                        value -> fileSize = value)
                .option("--dir", "dir", "where the embedded cluster keeps its data (default: a temporary directory)",
                        CommandSpec.ValueType.PATH, value -> dir = value);
    }

    @Override
    public int call(PrintWriter out, PrintWriter err) throws Exception {
        Path base = dir != null ? dir : Files.createTempDirectory("spindle-demo");
        long clusterStart = System.currentTimeMillis();
        out.println("Starting an embedded cluster (2 HDFS datanodes, YARN with 2 NodeManagers, Hive Metastore) in " + base);
        out.flush();
        try (EmbeddedCluster cluster = EmbeddedCluster.start(base)) {
            out.printf("Cluster up in %.1f s%n", (System.currentTimeMillis() - clusterStart) / 1000.0);
            FileSystem fs = cluster.fileSystem();
            String input = fs.makeQualified(new org.apache.hadoop.fs.Path("/demo/input")).toString();
            String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/demo/counts")).toString();
            TextCounts expected = generateInput(fs, input);
            out.printf("Generated %d files, %,d bytes under %s%n", files, expected.bytes(), input);
            out.flush();

            SpindleConf conf = ConfigLoader.load(ConfigLoader.locateDefaultsFile(), Map.of(
                    "spindle.master", "yarn",
                    "spindle.app.name", "spindle-demo-line-word-count",
                    "spindle.executor.instances", "2",
                    "spindle.executor.memory", "512m",
                    "spindle.am.memory", "512m",
                    "spindle.files.maxPartitionBytes", "1m"), Map.of());
            SubmitRequest request = new SubmitRequest(LineWordCount.class.getName(), SpindleHome.jobsJar(),
                    List.of(input, output), conf, cluster.clientConfiguration(), SpindleHome.jars(),
                    SpindleHome.log4jConfig(), Optional.empty());
            JobResult result;
            try (YarnSubmissionClient client = new YarnSubmissionClient(cluster.clientConfiguration(), new PrintStream(System.out, true))) {
                result = client.run(request);
            }
            return report(out, result, expected, fs, output);
        } finally {
            if (dir == null) {
                deleteRecursively(base);
            }
        }
    }

    private TextCounts generateInput(FileSystem fs, String input) throws IOException {
        TextCounts expected = TextCounts.ZERO;
        for (int i = 0; i < files; i++) {
            // The last file ends without a newline: its last line must still count.
            byte[] text = SampleText.generate(42 + i, fileSize, i != files - 1);
            try (OutputStream file = fs.create(new org.apache.hadoop.fs.Path(input, String.format("part-%05d.txt", i)))) {
                file.write(text);
            }
            expected = expected.plus(TextCounts.of(text));
        }
        return expected;
    }

    private int report(PrintWriter out, JobResult result, TextCounts expected, FileSystem fs, String output) throws IOException {
        out.println();
        out.println("Application " + result.applicationId() + ": " + result.finalStatus());
        if (result.exit() != ExitCode.SUCCESS) {
            out.println("Exit code " + result.exitCode() + " (" + result.exitReason() + "): " + result.diagnostics());
            return result.exitCode();
        }
        TextCounts actual;
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(output, "part-00000"))) {
            actual = TextCounts.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        out.printf("%-8s %12s %12s%n", "", "counted", "expected");
        out.printf("%-8s %,12d %,12d%n", "lines", actual.lines(), expected.lines());
        out.printf("%-8s %,12d %,12d%n", "words", actual.words(), expected.words());
        out.printf("%-8s %,12d %,12d%n", "bytes", actual.bytes(), expected.bytes());
        if (result.firstTaskEpochMillis() > 0) {
            out.printf("Submit to first task: %.1f s; submit to FINISHED: %.1f s%n",
                    (result.firstTaskEpochMillis() - result.submitEpochMillis()) / 1000.0, result.durationMillis() / 1000.0);
        } else {
            out.printf("Submit to FINISHED: %.1f s%n", result.durationMillis() / 1000.0);
        }
        if (result.timeline() != null && !result.timeline().isEmpty()) {
            StringBuilder steps = new StringBuilder("Timeline (s after submit):");
            result.timeline().forEach((step, at) -> steps.append(String.format(" %s %.1f;", step,
                    (at - result.submitEpochMillis()) / 1000.0)));
            out.println(steps);
        }
        result.stages().forEach(stage -> out.printf("Stage %d '%s': %d tasks, %d failed attempts, %d ms%n",
                stage.stageId(), stage.name(), stage.tasks(), stage.failedAttempts(), stage.durationMillis()));
        boolean correct = actual.equals(expected);
        out.println(correct ? "Result is correct. SUCCEEDED" : "RESULT MISMATCH");
        return correct ? ExitCode.SUCCESS.code() : ExitCode.INTERNAL_ERROR.code();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
