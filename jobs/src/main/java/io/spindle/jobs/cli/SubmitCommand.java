package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.SubmitRequest;
import io.spindle.am.client.YarnSubmissionClient;
import io.spindle.am.driver.DriverOutcome;
import io.spindle.am.driver.DriverRunner;
import io.spindle.am.local.LocalMaster;
import io.spindle.api.Session;
import io.spindle.conf.ConfigException;
import io.spindle.conf.ConfigLoader;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** {@code spindle submit}: runs a job on YARN (through an ApplicationMaster) or in this process. */
public final class SubmitCommand implements SpindleCommand {

    private String master;
    private String queue;
    private String name;
    private final Map<String, String> conf = new LinkedHashMap<>();
    private String mainClass;
    private Path resultFile;
    private final ClusterOptions cluster = new ClusterOptions();
    private Path appJar;
    private final List<String> args = new ArrayList<>();
    private PrintWriter err;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = new CommandSpec("submit", "Submit a job: --master yarn runs it on the cluster, local[N] in this process.")
                .option("--master", "master", "yarn, local[N] or local[*] (default: spindle.master)",
                        CommandSpec.ValueType.STRING, value -> master = value)
                .option("--queue", "queue", "YARN queue (default: spindle.yarn.queue)", CommandSpec.ValueType.STRING,
                        value -> queue = value)
                .option("--name", "name", "application name (default: the main class)", CommandSpec.ValueType.STRING,
                        value -> name = value)
                .option("--conf", "key=value", "a configuration value, key=value; repeatable",
                        CommandSpec.ValueType.STRING, this::addConf)
                .requiredOption("--class", "mainClass", "the job's main class", CommandSpec.ValueType.STRING,
                        value -> mainClass = value)
                .option("--result-file", "resultFile", "write a JSON summary of the run here",
                        CommandSpec.ValueType.PATH, value -> resultFile = value);
        return cluster.addTo(spec)
                .parameter("appJar", "the application jar", CommandSpec.ValueType.PATH, value -> appJar = value)
                .remainingParameters("args", "arguments passed to the job's main", args::add)
                // Everything after the application jar belongs to the job, even if it looks like an option.
                .stopAtPositional();
    }

    /** {@code key=value}; a key alone means the empty value. */
    private void addConf(String entry) {
        int equals = entry.indexOf('=');
        conf.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
    }

    @Override
    public boolean startsLocalSession() {
        return LocalMaster.isLocal(master); // without --master the configuration decides
    }

    @Override
    public int call(PrintWriter out, PrintWriter err) {
        this.err = err;
        SpindleConf submitted;
        long start = System.currentTimeMillis();
        JobResult result;
        try {
            submitted = ConfigLoader.load(ConfigLoader.locateDefaultsFile(), commandLineConf(), Map.of());
            if (submitted.get(SpindleKeys.MASTER).equals("yarn")) {
                result = submitToYarn(submitted, out);
            } else {
                result = runLocally(submitted);
            }
            report(result, out, err);
        } catch (ConfigException e) {
            result = notRun(ExitCode.USAGE, e.getMessage(), start);
        } catch (SubmissionException e) {
            result = notRun(e.exitCode(), e.getMessage(), start);
        } catch (IllegalArgumentException | IOException e) {
            result = notRun(ExitCode.USAGE, e.getMessage(), start);
        }
        if (resultFile != null) {
            writeResultFile(result, err);
        }
        return result.exitCode();
    }

    /** A submission that never started: the scheduler still gets a result file naming why. */
    private JobResult notRun(ExitCode exit, String message, long start) {
        err.println("spindle submit: " + message);
        return new JobResult("", name == null ? mainClass : name, "NOT_SUBMITTED", exit.code(), "not submitted",
                message, "", start, 0, System.currentTimeMillis() - start, List.of(), Map.of());
    }

    private void writeResultFile(JobResult result, PrintWriter err) {
        try {
            Path parent = resultFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (OutputStream file = Files.newOutputStream(resultFile)) {
                result.write(file);
            }
        } catch (IOException e) {
            err.println("spindle submit: could not write " + resultFile + ": " + e.getMessage());
        }
    }

    private Map<String, String> commandLineConf() {
        Map<String, String> values = new LinkedHashMap<>(conf);
        if (master != null) {
            values.put(SpindleKeys.MASTER.name(), master);
        }
        if (queue != null) {
            values.put(SpindleKeys.YARN_QUEUE.name(), queue);
        }
        if (name != null) {
            values.put(SpindleKeys.APP_NAME.name(), name);
        }
        return values;
    }

    private JobResult submitToYarn(SpindleConf submitted, PrintWriter out) throws IOException {
        Configuration hadoop = cluster.hadoopConf(submitted);
        SubmitRequest request = new SubmitRequest(mainClass, appJar, args, submitted, hadoop, SpindleHome.jars(),
                SpindleHome.log4jConfig(), Optional.ofNullable(resultFile));
        PrintStream printer = new PrintStream(new WriterOutputStream(out), true);
        try (YarnSubmissionClient client = new YarnSubmissionClient(hadoop, printer)) {
            return client.run(request);
        }
    }

    /** local[N]: the job's main runs in this JVM, its executors on threads, through the same scheduler. */
    private JobResult runLocally(SpindleConf submitted) throws IOException {
        if (!Files.isRegularFile(appJar)) {
            throw new SubmissionException(ExitCode.USAGE, "Application jar " + appJar + " does not exist or is not a file.");
        }
        long start = System.currentTimeMillis();
        Session.submittedConf(submitted);
        DriverOutcome outcome;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {appJar.toUri().toURL()},
                SubmitCommand.class.getClassLoader())) {
            outcome = DriverRunner.run(mainClass, args, loader);
        } finally {
            Session.submittedConf(null);
        }
        return new JobResult("local", name == null ? mainClass : name, outcome.succeeded() ? "SUCCEEDED" : "FAILED",
                outcome.exit().code(), outcome.reason(), outcome.diagnostics(), "", start, 0,
                System.currentTimeMillis() - start, List.of(), Map.of());
    }

    private static void report(JobResult result, PrintWriter out, PrintWriter err) {
        String timing = String.format("%.1f s", result.durationMillis() / 1000.0);
        if (result.firstTaskEpochMillis() > 0 && result.submitEpochMillis() > 0) {
            timing += String.format(", first task after %.1f s",
                    (result.firstTaskEpochMillis() - result.submitEpochMillis()) / 1000.0);
        }
        if (result.exit() == ExitCode.SUCCESS) {
            out.println("Application " + result.applicationId() + " " + result.finalStatus() + " in " + timing);
            if (result.timeline() != null && result.timeline().size() > 1) {
                StringBuilder steps = new StringBuilder("Timeline (s after submit):");
                result.timeline().forEach((step, at) -> steps.append(String.format(" %s %.1f;", step,
                        (at - result.submitEpochMillis()) / 1000.0)));
                out.println(steps);
            }
        } else {
            err.println("Application " + result.applicationId() + " " + result.finalStatus() + " (exit code "
                    + result.exitCode() + ", " + result.exitReason() + ") after " + timing);
            if (!result.diagnostics().isBlank()) {
                err.println(result.diagnostics());
            }
        }
    }

    /** Bridges the client's PrintStream progress lines to the command's writer. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writer.write(new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
