package io.spindle.api;

import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.stage.StageScheduler;
import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTask;
import io.spindle.rdd.Dependency;
import io.spindle.rdd.DriverPrepared;
import io.spindle.rdd.TaskEnvironment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A Dataset's rows as an Rdd, computed on the executors: its partitions are the query's result
 * stage partitions. Nothing runs until a job needs the partitions (an action, or a transformation
 * that asks for the partition count); then the driver plans the query and runs its map stages
 * (shuffles), and each Rdd task runs its slice of the result stage's fragment, reading its rows
 * as they come out of the pipeline. No row passes through the driver.
 */
final class DatasetRdd extends Rdd<Row> implements DriverPrepared {
    private static final long serialVersionUID = 1L;

    /** Driver only: the query to run. */
    private final transient QueryExecution execution;
    private final transient Session session;
    /** The result stage's task per partition, once the map stages ran; shipped with the lineage. */
    private volatile List<StageTask> partitions;

    DatasetRdd(Session session, QueryExecution execution) {
        super(session.rddContext());
        this.session = session;
        this.execution = execution;
    }

    @Override
    public synchronized void prepareOnDriver() {
        if (partitions != null) {
            return;
        }
        if (execution == null) {
            throw new IllegalStateException("Rdd " + id() + " of a Dataset is computed in a task before the driver "
                    + "planned it");
        }
        StageScheduler scheduler = session.stageScheduler();
        List<PhysicalPlan> slices = scheduler.runMapStages(execution.stages());
        int stageId = execution.stages().resultStage().id();
        List<StageTask> tasks = new ArrayList<>(slices.size());
        for (int partition = 0; partition < slices.size(); partition++) {
            // The sink is not used: the Rdd task reads the fragment's rows itself.
            tasks.add(new StageTask(stageId, partition, slices.get(partition), new StageSink.Result(Long.MAX_VALUE),
                    scheduler.taskSettings()));
        }
        partitions = List.copyOf(tasks);
    }

    private List<StageTask> partitions() {
        List<StageTask> prepared = partitions;
        if (prepared == null) {
            prepareOnDriver();
            prepared = partitions;
        }
        return prepared;
    }

    @Override
    public int numPartitions() {
        return partitions().size();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of();
    }

    @Override
    protected Iterator<Row> compute(int partition, TaskEnvironment environment) throws Exception {
        Iterator<Object[]> rows = partitions().get(partition).rows(environment.context());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return Row.wrap(rows.next());
            }
        };
    }

    @Override
    public List<String> preferredHosts(int partition) {
        return partitions().get(partition).preferredHosts();
    }
}
