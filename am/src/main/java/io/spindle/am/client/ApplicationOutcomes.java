package io.spindle.am.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** Turns how YARN saw an application end, and what its AM recorded, into one {@link JobResult}. */
final class ApplicationOutcomes {

    private ApplicationOutcomes() {
    }

    static JobResult readResult(StagingDirectory staging) {
        Path file = new Path(staging.path(), JobResult.FILE_NAME);
        try (InputStream in = staging.fileSystem().open(file)) {
            return JobResult.read(in);
        } catch (IOException e) {
            return null; // the AM died before it could write one
        }
    }

    /** The YARN report decides KILLED and AM loss; the AM's own result decides why a job failed. */
    static JobResult of(ApplicationReport report, JobResult fromAm, String name) {
        String appId = report.getApplicationId().toString();
        if (report.getYarnApplicationState() == YarnApplicationState.KILLED) {
            return new JobResult(appId, name, "KILLED", ExitCode.KILLED.code(), "killed",
                    report.getDiagnostics(), "", 0, fromAm == null ? 0 : fromAm.firstTaskEpochMillis(), 0,
                    fromAm == null ? List.of() : fromAm.stages(), fromAm == null ? Map.of() : fromAm.timeline());
        }
        if (fromAm != null) {
            return fromAm;
        }
        if (report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED) {
            return new JobResult(appId, name, "SUCCEEDED", ExitCode.SUCCESS.code(), "succeeded",
                    report.getDiagnostics(), "", 0, 0, 0, List.of(), Map.of());
        }
        return new JobResult(appId, name, report.getFinalApplicationStatus().name(), ExitCode.INFRASTRUCTURE.code(),
                "application master lost", "The ApplicationMaster ended without reporting a result: "
                        + report.getDiagnostics(), "", 0, 0, 0, List.of(), Map.of());
    }
}
