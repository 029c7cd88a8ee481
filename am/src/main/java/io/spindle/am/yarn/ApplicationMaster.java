package io.spindle.am.yarn;

import io.spindle.am.client.AppSpec;
import io.spindle.am.client.ExitCode;
import io.spindle.am.client.JobResult;
import io.spindle.am.client.StagingDirectory;
import io.spindle.am.driver.DriverOutcome;
import io.spindle.am.driver.DriverRunner;
import io.spindle.api.Session;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.ExecutionBackend;
import io.spindle.exec.StageSummary;
import io.spindle.runtime.rpc.RpcSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.security.AMRMTokenIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of a Spindle application on YARN. Registers with the ResourceManager (tracking URL:
 * the {@link StatusServer}), runs the job's main in this process, brings up executors when the
 * job opens its session, and at the end writes the {@link JobResult} next to the staging files and
 * unregisters with SUCCEEDED or FAILED and diagnostics naming the failing task and its error.
 */
public final class ApplicationMaster implements YarnDriverRuntime.Host {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMaster.class);
    /** The allocate heartbeat: short, so granted containers start within a fraction of a second. */
    private static final int HEARTBEAT_MILLIS = 200;

    private final AppSpec spec;
    private final SpindleConf conf;
    private final YarnConfiguration yarnConf;
    private final ApplicationAttemptId attemptId;
    private final String host;
    private final long startMillis = System.currentTimeMillis();
    private YarnAllocator allocator;
    private AMRMClientAsync<ContainerRequest> amrm;
    private NMClientAsync nm;
    private StatusServer status;
    private String trackingUrl;
    private volatile String state = "STARTING";
    private volatile YarnBackend backend;
    /** Whether {@link #backend} was started ahead of the job and not yet claimed by its session. */
    private boolean prestarted;
    private volatile List<StageSummary> finishedStages = List.of();
    private final Timeline timeline = new Timeline();

    public ApplicationMaster(AppSpec spec, SpindleConf conf, YarnConfiguration yarnConf,
            ApplicationAttemptId attemptId, String host) {
        this.spec = spec;
        this.conf = conf;
        this.yarnConf = yarnConf;
        this.attemptId = attemptId;
        this.host = host;
    }

    /** Runs the application; returns the AM process's exit code. */
    public int run() throws Exception {
        timeline.mark("amStarted", startMillis);
        allocator = new YarnAllocator(this::progress, timeline);
        amrm = AMRMClientAsync.createAMRMClientAsync(HEARTBEAT_MILLIS, allocator);
        amrm.init(yarnConf);
        amrm.start();
        nm = NMClientAsync.createNMClientAsync(new ContainerLauncherCallback(allocator));
        nm.init(yarnConf);
        nm.start();
        allocator.attach(amrm, nm);
        status = new StatusServer(conf.get(SpindleKeys.STATUS_PORT), this::statusReport);
        trackingUrl = "http://" + host + ":" + status.port() + "/";
        amrm.registerApplicationMaster(host, 0, trackingUrl);
        timeline.mark("amRegistered");
        LOG.info("Registered {} with the ResourceManager; status at {}", attemptId, trackingUrl);

        YarnDriverRuntime.install(this);
        Session.submittedConf(conf);
        state = "RUNNING";
        prestartExecutors();
        DriverOutcome outcome = DriverRunner.run(spec.mainClass(), spec.args(), Thread.currentThread().getContextClassLoader());
        finish(outcome);
        return 0;
    }

    /**
     * Asks for executors with the submitted configuration before the job's main even starts, so
     * that containers start while the driver loads the job's classes. The job's session takes
     * them over unless its code changed the configuration in a way executors depend on.
     */
    private synchronized void prestartExecutors() {
        if (!conf.get(SpindleKeys.MASTER).equals("yarn")) {
            return;
        }
        try {
            backend = launchBackend(conf);
            prestarted = true;
        } catch (RuntimeException e) {
            LOG.warn("Could not start executors ahead of the job; they start with its session", e);
        }
    }

    @Override
    public synchronized ExecutionBackend startExecutors(SpindleConf jobConf) {
        YarnBackend current = backend;
        if (prestarted && current != null && !current.isClosed()) {
            prestarted = false;
            if (sameForExecutors(current.conf(), jobConf)) {
                return current;
            }
            LOG.info("The job's code changed executor settings; restarting executors with them");
            current.close();
        }
        backend = launchBackend(jobConf);
        return backend;
    }

    /** Everything but the application's name and master reaches executors or the scheduler. */
    static boolean sameForExecutors(SpindleConf a, SpindleConf b) {
        java.util.Map<String, String> left = new java.util.HashMap<>(a.toMap());
        java.util.Map<String, String> right = new java.util.HashMap<>(b.toMap());
        for (String ignored : List.of(SpindleKeys.APP_NAME.name(), SpindleKeys.MASTER.name())) {
            left.remove(ignored);
            right.remove(ignored);
        }
        return left.equals(right);
    }

    private YarnBackend launchBackend(SpindleConf jobConf) {
        try {
            FileSystem fs = FileSystem.get(yarnConf);
            StagingDirectory staging = StagingDirectory.existing(fs, new Path(spec.stagingDir()));
            timeline.mark("executorsRequested");
            return YarnBackend.start(attemptId.getApplicationId().toString(), jobConf, allocator, host,
                    staging.localResources(new Path(spec.libsArchive())), LaunchLayout.environment(spec.stagingDir()),
                    executorCredentials(), timeline);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare executor launch: " + e.getMessage(), e);
        }
    }

    /** The RPC secret and filesystem tokens; never the AM-RM token, which only the AM may hold. */
    private static ByteBuffer executorCredentials() throws IOException {
        Credentials own = UserGroupInformation.getCurrentUser().getCredentials();
        Credentials forExecutors = new Credentials();
        byte[] secret = own.getSecretKey(new Text(RpcSecret.CREDENTIALS_ALIAS));
        if (secret == null) {
            throw new IOException("The application's RPC secret is missing from the AM's credentials");
        }
        forExecutors.addSecretKey(new Text(RpcSecret.CREDENTIALS_ALIAS), secret);
        for (Token<?> token : own.getAllTokens()) {
            if (!AMRMTokenIdentifier.KIND_NAME.equals(token.getKind())) {
                forExecutors.addToken(token.getService(), token);
            }
        }
        DataOutputBuffer buffer = new DataOutputBuffer();
        forExecutors.writeTokenStorageToStream(buffer);
        return ByteBuffer.wrap(buffer.getData(), 0, buffer.getLength());
    }

    private double progress() {
        YarnBackend current = backend;
        return current == null ? 0 : current.progress();
    }

    private Map<String, Object> statusReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("applicationId", attemptId.getApplicationId().toString());
        report.put("attemptId", attemptId.toString());
        report.put("appName", spec.appName());
        report.put("mainClass", spec.mainClass());
        report.put("state", state);
        report.put("progress", progress());
        report.put("startedAt", startMillis);
        report.put("executorFailures", allocator.failures());
        report.put("containers", allocator.containers().stream().map(container -> Map.of(
                "executorId", container.executorId(),
                "containerId", container.containerId().toString(),
                "host", container.host(),
                "started", container.started())).toList());
        YarnBackend current = backend;
        if (current != null) {
            report.put("scheduler", current.snapshot());
        }
        report.put("stages", current != null ? current.stageSummaries() : finishedStages);
        report.put("timeline", timeline.asMap());
        return report;
    }

    private void finish(DriverOutcome outcome) {
        timeline.mark("jobFinished");
        state = outcome.succeeded() ? "SUCCEEDED" : "FAILED";
        YarnBackend current = backend;
        if (current != null && current.firstTaskEpochMillis() > 0) {
            timeline.mark("firstTaskLaunched", current.firstTaskEpochMillis());
        }
        if (current != null) {
            finishedStages = current.stageSummaries();
            current.close();
        }
        allocator.stop();
        JobResult result = new JobResult(attemptId.getApplicationId().toString(), spec.appName(),
                outcome.succeeded() ? "SUCCEEDED" : "FAILED", outcome.exit().code(), outcome.reason(),
                outcome.diagnostics(), trackingUrl, startMillis, current == null ? 0 : current.firstTaskEpochMillis(),
                System.currentTimeMillis() - startMillis, finishedStages, timeline.asMap());
        writeResult(result);
        FinalApplicationStatus finalStatus = outcome.succeeded() ? FinalApplicationStatus.SUCCEEDED : FinalApplicationStatus.FAILED;
        String diagnostics = outcome.succeeded() ? "" : "[" + outcome.reason() + ", exit code " + outcome.exit().code() + "] "
                + outcome.diagnostics();
        try {
            amrm.unregisterApplicationMaster(finalStatus, diagnostics, trackingUrl);
        } catch (Exception e) {
            LOG.error("Could not unregister from the ResourceManager", e);
        }
        if (outcome.exit() != ExitCode.SUCCESS) {
            LOG.error("Application {}: {}", outcome.reason(), outcome.diagnostics());
        }
        nm.stop();
        amrm.stop();
        status.close();
        if (!spec.waitingClient()) {
            deleteStaging();
        }
    }

    private void writeResult(JobResult result) {
        try {
            FileSystem fs = FileSystem.get(yarnConf);
            // Never recreate the staging directory: a client that saw the application killed may
            // already have removed it while this AM was still winding down.
            try (OutputStream out = fs.createNonRecursive(new Path(spec.stagingDir(), JobResult.FILE_NAME), true,
                    4096, fs.getDefaultReplication(new Path(spec.stagingDir())), fs.getDefaultBlockSize(
                            new Path(spec.stagingDir())), null)) {
                result.write(out);
            }
        } catch (IOException e) {
            LOG.warn("Could not write the job result to {}", spec.stagingDir(), e);
        }
    }

    private void deleteStaging() {
        try {
            FileSystem.get(yarnConf).delete(new Path(spec.stagingDir()), true);
        } catch (IOException e) {
            LOG.warn("Could not remove staging directory {}", spec.stagingDir(), e);
        }
    }
}
