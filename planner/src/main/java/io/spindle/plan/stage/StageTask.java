package io.spindle.plan.stage;

import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import io.spindle.plan.physical.FileScanExec;
import io.spindle.plan.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One partition of a stage: the stage's fragment with its sources sliced to this partition, and
 * the sink. Runs wherever the backend places it, through the {@link StageTaskRunner} found on the
 * executor's classpath.
 */
public record StageTask(int stageId, int partition, PhysicalPlan fragment, StageSink sink, TaskSettings settings)
        implements Task<StageTaskResult> {

    private static final long serialVersionUID = 1L;

    @Override
    public StageTaskResult run(TaskContext context) throws Exception {
        io.spindle.formats.ReadMetrics[] previous = TaskScanMetrics.begin();
        StageTaskResult result;
        io.spindle.formats.ReadMetrics scanned;
        try {
            result = Runner.INSTANCE.run(this, context);
        } finally {
            scanned = TaskScanMetrics.end(previous);
        }
        return scanned.equals(io.spindle.formats.ReadMetrics.EMPTY) ? result
                : new StageTaskResult.Measured(result, scanned);
    }

    /** The fragment's rows computed in this task as they are read, instead of sent to the sink. */
    public java.util.Iterator<Object[]> rows(TaskContext context) throws Exception {
        return Runner.INSTANCE.rows(this, context);
    }

    @Override
    public List<String> preferredHosts() {
        List<String> hosts = new ArrayList<>();
        fragment.transformUp(node -> {
            if (node instanceof FileScanExec scan) {
                scan.splits().forEach(split -> hosts.addAll(split.hosts()));
            }
            return node;
        });
        return hosts;
    }

    /** Loaded once per JVM, on first use. */
    private static final class Runner {
        static final StageTaskRunner INSTANCE = ServiceLoader.load(StageTaskRunner.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + StageTaskRunner.class.getName()
                        + " on the classpath: is spindle-container-runtime there?"));
    }
}
