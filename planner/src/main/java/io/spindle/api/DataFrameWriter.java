package io.spindle.api;

import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTaskResult;
import java.util.List;

/** {@code dataset.write().parquet(path)}: one file per task, committed atomically (see {@link FileCommit}). */
public final class DataFrameWriter {
    private final Dataset dataset;

    DataFrameWriter(Dataset dataset) {
        this.dataset = dataset;
    }

    public void parquet(String path) {
        Session session = dataset.session();
        FileCommit commit = new FileCommit(session.hadoopConf(), path);
        try {
            String codec = session.conf().get(io.spindle.conf.SpindleKeys.PARQUET_COMPRESSION);
            List<StageTaskResult> results = session.stageScheduler().runStages(dataset.queryExecution().stages(),
                    new StageSink.Write("parquet", commit.stagingDirectory(), codec));
            commit.commit(results);
        } catch (RuntimeException e) {
            commit.abort();
            throw e;
        }
    }
}
