package io.spindle.api;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.exec.Task;
import io.spindle.formats.ReadMetrics;
import io.spindle.plan.stage.SchedulerSettings;
import io.spindle.plan.stage.StageScheduler;
import io.spindle.plan.stage.StageTaskResult;
import io.spindle.plan.stage.TaskLauncher;
import io.spindle.plan.stage.TaskSettings;
import io.spindle.rdd.RddContext;
import io.spindle.rdd.RddSettings;
import java.io.Serializable;
import java.util.List;

/**
 * What a session runs its queries and Rdd jobs with, built from its configuration and engine
 * settings on the session's backend: the stage scheduler of each query, the Rdd context, the
 * application's shuffle directory (created on first use, deleted when the session stops) and the
 * scan metrics of the latest query.
 */
final class SessionRuntime {
    private final Session session;
    private ShuffleDirectory shuffleDirectory;
    private RddContext rddContext;
    private volatile ReadMetrics[] lastScanMetrics = {ReadMetrics.EMPTY};

    SessionRuntime(Session session) {
        this.session = session;
    }

    private TaskLauncher launcher(ReadMetrics[] scanned) {
        return new TaskLauncher() {
            @Override
            public <R extends Serializable> List<R> runTasks(String stageName, List<? extends Task<R>> tasks) {
                List<R> results = session.runTasks(stageName, tasks);
                if (scanned == null) {
                    return results;
                }
                synchronized (scanned) {
                    return StageTaskResult.Measured.unwrap(results, scanned);
                }
            }

            @Override
            public int defaultParallelism() {
                return session.defaultParallelism();
            }
        };
    }

    /** A scheduler for one query; its scans' metrics become {@link #lastScanMetrics()}. */
    StageScheduler stageScheduler() {
        SpindleConf conf = session.conf();
        EngineSettings settings = session.engineSettings();
        TaskSettings taskSettings = new TaskSettings(settings.taskMemoryBytes(), conf.get(SpindleKeys.READ_BATCH_SIZE),
                conf.get(SpindleKeys.LOCAL_DIR), settings.shuffleCompression());
        SchedulerSettings schedulerSettings = new SchedulerSettings(shuffleRoot(), settings.targetPartitionBytes(),
                settings.minimumPartitionBytes(), settings.maxShufflePartitions(),
                conf.get(SpindleKeys.DRIVER_MAX_RESULT_SIZE).bytes(), taskSettings,
                conf.get(SpindleKeys.SHUFFLE_SKEWED_PARTITION_FACTOR),
                conf.get(SpindleKeys.SHUFFLE_SKEWED_PARTITION_THRESHOLD).bytes());
        ReadMetrics[] scanned = {ReadMetrics.EMPTY};
        lastScanMetrics = scanned;
        return new StageScheduler(launcher(scanned), schedulerSettings);
    }

    ReadMetrics lastScanMetrics() {
        ReadMetrics[] scanned = lastScanMetrics;
        synchronized (scanned) {
            return scanned[0];
        }
    }

    synchronized RddContext rddContext() {
        if (rddContext == null) {
            SpindleConf conf = session.conf();
            rddContext = new RddContext(launcher(null), () -> new RddSettings(shuffleRoot(),
                    session.engineSettings().taskMemoryBytes(), conf.get(SpindleKeys.LOCAL_DIR),
                    session.engineSettings().shuffleCompression(), conf.get(SpindleKeys.DRIVER_MAX_RESULT_SIZE).bytes()),
                    session::hadoopConf);
        }
        return rddContext;
    }

    synchronized String shuffleRoot() {
        if (shuffleDirectory == null) {
            shuffleDirectory = ShuffleDirectory.create(session.conf(), session.hadoopConf(), session.applicationId());
        }
        return shuffleDirectory.root();
    }

    synchronized void deleteShuffleFiles() {
        if (shuffleDirectory != null) {
            shuffleDirectory.delete();
        }
    }
}
