package io.spindle.am.client;

import io.spindle.am.yarn.LaunchLayout;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.runtime.rpc.RpcSecret;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a Spindle application to YARN the way {@code yarn jar} users get it: jars uploaded to
 * an owner-only staging directory and registered as LocalResources, the AM launch context built
 * from configuration, the RPC secret passed in YARN credentials. Then follows the application to
 * its end and turns the outcome into an {@link ExitCode}.
 */
public final class YarnSubmissionClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnSubmissionClient.class);
    private static final String APPLICATION_TYPE = "SPINDLE";
    private static final EnumSet<YarnApplicationState> FINAL_STATES =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final Configuration hadoopConf;
    private final PrintStream out;
    private final YarnClient yarn;

    public YarnSubmissionClient(Configuration hadoopConf, PrintStream out) {
        this.hadoopConf = withClientDefaults(hadoopConf);
        this.out = out;
        this.yarn = YarnClient.createYarnClient();
        yarn.init(this.hadoopConf);
        yarn.start();
    }

    /**
     * Without these the YARN client retries an unreachable ResourceManager for 15 minutes; a
     * nightly job should learn within a minute that the cluster is not there.
     */
    private static Configuration withClientDefaults(Configuration given) {
        YarnConfiguration conf = new YarnConfiguration(given);
        setIfDefault(conf, YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, "30000");
        setIfDefault(conf, YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, "1000");
        setIfDefault(conf, "ipc.client.connect.max.retries.on.timeouts", "3");
        return conf;
    }

    private static void setIfDefault(Configuration conf, String key, String value) {
        String[] sources = conf.getPropertySources(key);
        boolean fromDefaults = sources == null
                || (sources.length > 0 && sources[sources.length - 1].endsWith("-default.xml"));
        if (fromDefaults) {
            conf.set(key, value);
        }
    }

    /** Submits, follows to the end, cleans up, and returns the outcome; never throws for a failed job. */
    public JobResult run(SubmitRequest request) {
        long submitted = System.currentTimeMillis();
        Submission submission = submit(request, submitted);
        if (!request.conf().get(SpindleKeys.SUBMIT_WAIT_FOR_COMPLETION)) {
            out.println("Not waiting for completion (spindle.submit.waitForCompletion=false); the AM removes "
                    + submission.staging().path() + " when it ends.");
            return new JobResult(submission.applicationId().toString(), appName(request), "UNDEFINED",
                    ExitCode.SUCCESS.code(), "submitted", "", "", submitted, 0, 0, List.of(), Map.of());
        }
        return follow(submission, request);
    }

    /** A submitted application and its staging directory. */
    public record Submission(ApplicationId applicationId, StagingDirectory staging, long submitEpochMillis) {
    }

    public Submission submit(SubmitRequest request, long submitEpochMillis) {
        checkMainClass(request);
        ApplicationId appId;
        YarnClientApplication application;
        try {
            application = yarn.createApplication();
            appId = application.getNewApplicationResponse().getApplicationId();
        } catch (YarnException | IOException e) {
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Cannot reach the YARN ResourceManager at "
                    + hadoopConf.get(YarnConfiguration.RM_ADDRESS) + ": " + e.getMessage()
                    + ". Check HADOOP_CONF_DIR / yarn-site.xml and that the cluster is up.", e);
        }
        StagingDirectory staging = null;
        try {
            FileSystem fs = FileSystem.get(hadoopConf);
            staging = StagingDirectory.create(fs, StagingDirectory.root(fs, request.conf()), appId.toString());
            AppSpec spec = StagedFiles.upload(request, staging, hadoopConf, appName(request));
            LOG.info("Staged {} for {}", staging.path(), appId);
            ApplicationSubmissionContext context = application.getApplicationSubmissionContext();
            context.setApplicationName(appName(request));
            context.setApplicationType(APPLICATION_TYPE);
            context.setQueue(request.conf().get(SpindleKeys.YARN_QUEUE));
            context.setMaxAppAttempts(request.conf().get(SpindleKeys.YARN_MAX_APP_ATTEMPTS));
            context.setPriority(Priority.newInstance(0));
            context.setResource(amResource(request.conf()));
            context.setAMContainerSpec(amLaunchContext(request, staging, new Path(spec.libsArchive())));
            yarn.submitApplication(context);
        } catch (IOException | YarnException | RuntimeException e) {
            if (staging != null) {
                staging.delete();
            }
            if (e instanceof SubmissionException submissionError) {
                throw submissionError;
            }
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Could not submit " + appId + ": " + e.getMessage(), e);
        }
        out.println("Submitted application " + appId + " to queue " + request.conf().get(SpindleKeys.YARN_QUEUE));
        return new Submission(appId, staging, submitEpochMillis);
    }

    static String appName(SubmitRequest request) {
        return request.conf().isSet(SpindleKeys.APP_NAME) ? request.conf().get(SpindleKeys.APP_NAME) : request.mainClass();
    }

    /** A missing jar or class is the caller's mistake: say so before touching the cluster. */
    private static void checkMainClass(SubmitRequest request) {
        java.nio.file.Path jar = request.appJar();
        if (!Files.isRegularFile(jar)) {
            throw new SubmissionException(ExitCode.USAGE, "Application jar " + jar + " does not exist or is not a file.");
        }
        String entry = request.mainClass().replace('.', '/') + ".class";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(entry) != null) {
                return;
            }
        } catch (IOException e) {
            throw new SubmissionException(ExitCode.USAGE, "Application jar " + jar + " is not a readable jar: " + e.getMessage());
        }
        for (java.nio.file.Path lib : request.spindleJars()) {
            try (ZipFile zip = new ZipFile(lib.toFile())) {
                if (zip.getEntry(entry) != null) {
                    return;
                }
            } catch (IOException ignored) {
                // not a jar Spindle can read; it is not where the class is either
            }
        }
        throw new SubmissionException(ExitCode.USAGE, "Main class '" + request.mainClass() + "' was not found in "
                + jar + " (nor in Spindle's jars). Check --class and the jar you built.");
    }

    private ContainerLaunchContext amLaunchContext(SubmitRequest request, StagingDirectory staging, Path libsArchive)
            throws IOException {
        SpindleConf conf = request.conf();
        long heap = conf.get(SpindleKeys.AM_MEMORY).toMegabytes();
        String command = LaunchLayout.javaCommandPrefix(heap, conf.get(SpindleKeys.AM_JAVA_OPTIONS))
                + " io.spindle.am.yarn.ApplicationMasterMain"
                + LaunchLayout.redirectLogs();
        ContainerLaunchContext context = ContainerLaunchContext.newInstance(
                staging.localResources(libsArchive), LaunchLayout.environment(staging.path().toString()),
                List.of(command), null, null, null);
        context.setTokens(credentials(staging.fileSystem()));
        return context;
    }

    /** The per-application RPC secret (and HDFS tokens on a secure cluster) travel as credentials. */
    private ByteBuffer credentials(FileSystem fs) throws IOException {
        Credentials credentials = new Credentials();
        credentials.addSecretKey(new Text(RpcSecret.CREDENTIALS_ALIAS), RpcSecret.generate());
        if (UserGroupInformation.isSecurityEnabled()) {
            String renewer = hadoopConf.get(YarnConfiguration.RM_PRINCIPAL, "yarn");
            fs.addDelegationTokens(renewer, credentials);
        }
        DataOutputBuffer buffer = new DataOutputBuffer();
        credentials.writeTokenStorageToStream(buffer);
        return ByteBuffer.wrap(buffer.getData(), 0, buffer.getLength());
    }

    private static Resource amResource(SpindleConf conf) {
        long heap = conf.get(SpindleKeys.AM_MEMORY).toMegabytes();
        long overhead = Math.max(384, heap / 10);
        return Resource.newInstance(LaunchLayout.containerMegabytes(heap, overhead), conf.get(SpindleKeys.AM_CORES));
    }

    /** Follows a submitted application to its end, then reads its result and removes its staging directory. */
    public JobResult follow(Submission submission, SubmitRequest request) {
        ApplicationId appId = submission.applicationId();
        long interval = request.conf().get(SpindleKeys.YARN_REPORT_INTERVAL).toMillis();
        ApplicationReport report;
        String lastLine = "";
        boolean printedUrl = false;
        try {
            while (true) {
                report = yarn.getApplicationReport(appId);
                if (!printedUrl && report.getYarnApplicationState() == YarnApplicationState.RUNNING) {
                    out.println("Tracking URL: " + report.getTrackingUrl() + " (AM status page: " + report.getOriginalTrackingUrl() + ")");
                    printedUrl = true;
                }
                String line = describe(report);
                if (!line.equals(lastLine)) {
                    out.println(line);
                    lastLine = line;
                }
                if (FINAL_STATES.contains(report.getYarnApplicationState())) {
                    break;
                }
                if (notStartedInTime(report, submission, request)) {
                    return notStarted(report, submission, request);
                }
                Thread.sleep(Math.max(50, interval));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Interrupted while following " + appId, e);
        } catch (YarnException | IOException e) {
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Lost contact with the ResourceManager while following "
                    + appId + ": " + e.getMessage(), e);
        }
        long duration = System.currentTimeMillis() - submission.submitEpochMillis();
        JobResult result = ApplicationOutcomes.of(report, ApplicationOutcomes.readResult(submission.staging()), appName(request))
                .withClientView(report.getFinalApplicationStatus().name(), submission.submitEpochMillis(), duration,
                        report.getOriginalTrackingUrl());
        if (!submission.staging().delete()) {
            LOG.warn("Could not remove staging directory {}", submission.staging().path());
        }
        return result;
    }

    private static final EnumSet<YarnApplicationState> WAITING_STATES = EnumSet.of(YarnApplicationState.NEW,
            YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED);

    private static boolean notStartedInTime(ApplicationReport report, Submission submission, SubmitRequest request) {
        long timeout = request.conf().get(SpindleKeys.YARN_SUBMIT_TIMEOUT).toMillis();
        return timeout > 0 && WAITING_STATES.contains(report.getYarnApplicationState())
                && System.currentTimeMillis() - submission.submitEpochMillis() > timeout;
    }

    /** YARN never started the application (a full queue, too large a container): kill it, report infrastructure. */
    private JobResult notStarted(ApplicationReport report, Submission submission, SubmitRequest request) {
        String appId = submission.applicationId().toString();
        kill(appId, java.time.Duration.ofSeconds(30));
        submission.staging().delete();
        String message = "YARN did not start " + appId + " within spindle.yarn.submitTimeout="
                + request.conf().get(SpindleKeys.YARN_SUBMIT_TIMEOUT).toSeconds() + "s (state "
                + report.getYarnApplicationState() + " in queue '" + request.conf().get(SpindleKeys.YARN_QUEUE)
                + "'); the queue may be full or the AM container larger than any node. The application was killed. "
                + "YARN said: " + report.getDiagnostics();
        long now = System.currentTimeMillis();
        return new JobResult(appId, appName(request), "KILLED", ExitCode.INFRASTRUCTURE.code(), "not started in time",
                message, report.getTrackingUrl(), submission.submitEpochMillis(), 0,
                now - submission.submitEpochMillis(), List.of(), Map.of("submitted", submission.submitEpochMillis()));
    }

    private static String describe(ApplicationReport report) {
        YarnApplicationState state = report.getYarnApplicationState();
        if (state == YarnApplicationState.RUNNING) {
            return String.format("%s: RUNNING (%d%%)", report.getApplicationId(), Math.round(report.getProgress() * 100));
        }
        if (FINAL_STATES.contains(state)) {
            return report.getApplicationId() + ": " + state + " with final status " + report.getFinalApplicationStatus();
        }
        return report.getApplicationId() + ": " + state;
    }

    public ApplicationReport report(String applicationId) {
        try {
            return yarn.getApplicationReport(ApplicationId.fromString(applicationId));
        } catch (IllegalArgumentException e) {
            throw new SubmissionException(ExitCode.USAGE, "'" + applicationId + "' is not an application id (application_<clusterTimestamp>_<n>)");
        } catch (ApplicationNotFoundException e) {
            throw new SubmissionException(ExitCode.USAGE, "Application " + applicationId + " is not known to the ResourceManager");
        } catch (YarnException | IOException e) {
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Cannot reach the ResourceManager: " + e.getMessage(), e);
        }
    }

    /** Kills an application and waits (bounded) until YARN reports it ended. */
    public ApplicationReport kill(String applicationId, java.time.Duration timeout) {
        ApplicationReport report = report(applicationId);
        if (FINAL_STATES.contains(report.getYarnApplicationState())) {
            return report;
        }
        try {
            yarn.killApplication(report.getApplicationId());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                report = yarn.getApplicationReport(report.getApplicationId());
                if (FINAL_STATES.contains(report.getYarnApplicationState())) {
                    return report;
                }
                Thread.sleep(100);
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report;
        } catch (YarnException | IOException e) {
            throw new SubmissionException(ExitCode.INFRASTRUCTURE, "Cannot kill " + applicationId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        yarn.stop();
    }
}
