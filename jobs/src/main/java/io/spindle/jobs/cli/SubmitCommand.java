package io.spindle.jobs.cli;

import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.am.client.SubmissionException;
import io.spindle.am.client.SubmitRequest;
import io.spindle.am.client.YarnSubmissionClient;
import io.spindle.am.driver.DriverOutcome;
import io.spindle.am.driver.DriverRunner;
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
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle submit}: runs a job on YARN (through an ApplicationMaster) or in this process. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a job: --master yarn runs it on the cluster, local[N] in this process.")
public final class SubmitCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", description = "yarn, local[N] or local[*] (default: spindle.master)")
    String master;

    @Option(names = "--queue", description = "YARN queue (default: spindle.yarn.queue)")
    String queue;

    @Option(names = "--name", description = "application name (default: the main class)")
    String name;

    @Option(names = "--conf", description = "a configuration value, key=value; repeatable", mapFallbackValue = "")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--class", required = true, description = "the job's main class")
    String mainClass;

    @Option(names = "--result-file", description = "write a JSON summary of the run here")
    Path resultFile;

    @Option(names = "--hadoop-conf-dir", description = "Hadoop client configuration (default: $HADOOP_CONF_DIR)")
    Path hadoopConfDir;

    @Parameters(index = "0", description = "the application jar")
    Path appJar;

    @Parameters(index = "1..*", description = "arguments passed to the job's main")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        spec.commandLine().getErr().println("spindle submit: " + message);
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
        Configuration hadoop = HadoopConfigs.load(Optional.ofNullable(hadoopConfDir), submitted);
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

    /** Bridges the client's PrintStream progress lines to picocli's writer. */
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
