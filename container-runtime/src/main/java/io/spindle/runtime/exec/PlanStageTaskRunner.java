package io.spindle.runtime.exec;

import io.spindle.exec.TaskContext;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.physical.Partitioning;
import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.FileWriteTask;
import io.spindle.plan.stage.StageTask;
import io.spindle.plan.stage.StageTaskResult;
import io.spindle.plan.stage.StageTaskRunner;
import io.spindle.runtime.shuffle.KeyHasher;
import io.spindle.runtime.shuffle.ShuffleWriter;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The executor side of a stage task (registered in META-INF/services): builds the fragment's
 * pipeline and drains it into the task's sink — shuffle files, result rows, or an output file.
 */
public final class PlanStageTaskRunner implements StageTaskRunner {

    @Override
    public StageTaskResult run(StageTask task, TaskContext taskContext) throws Exception {
        ExecutionContext context = ExecutionContext.of(taskContext, task.settings());
        try (Pipeline pipeline = new PipelineBuilder(context).build(task.fragment())) {
            StageSink sink = task.sink();
            if (sink instanceof StageSink.Shuffle shuffle) {
                return writeShuffle(pipeline, shuffle, task, taskContext, context);
            }
            if (sink instanceof StageSink.Result result) {
                return collectRows(pipeline, result);
            }
            if (sink instanceof StageSink.Cache cache) {
                return keepCached(pipeline, cache, task, context);
            }
            return writeFile(pipeline, (StageSink.Write) sink, task, taskContext, context);
        }
    }

    @Override
    public java.util.Iterator<Object[]> rows(StageTask task, TaskContext taskContext) throws Exception {
        ExecutionContext context = ExecutionContext.of(taskContext, task.settings());
        return new PipelineRows(new PipelineBuilder(context).build(task.fragment()));
    }

    private static StageTaskResult writeShuffle(Pipeline pipeline, StageSink.Shuffle sink, StageTask task,
            TaskContext taskContext, ExecutionContext context) throws Exception {
        Path directory = new Path(sink.directory());
        FileSystem fs = directory.getFileSystem(context.hadoopConf());
        Schema schema = Schemas.positional(task.fragment().output());
        ShuffleWriter writer = new ShuffleWriter(fs, directory, task.partition(), taskContext.attemptNumber(), schema,
                sink.partitions(), context.settings().shuffleCompression());
        List<VectorEvaluator> keys = new ArrayList<>();
        if (sink.partitioning().kind() == Partitioning.Kind.HASH) {
            for (Expression key : sink.partitioning().keys()) {
                keys.add(EvaluatorCompiler.compile(key));
            }
        }
        int[] partitions = new int[0];
        boolean roundRobin = sink.partitioning().kind() == Partitioning.Kind.ROUND_ROBIN;
        int next = task.partition() % sink.partitions(); // each map task starts its deal at a different partition
        for (ColumnBatch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
            int rows = batch.rowCount();
            if (partitions.length < rows) {
                partitions = new int[Math.max(rows, 1024)];
            }
            if (roundRobin) {
                for (int r = 0; r < rows; r++) {
                    partitions[r] = next;
                    next = next + 1 == sink.partitions() ? 0 : next + 1;
                }
                writer.write(batch, partitions);
                continue;
            }
            java.util.Arrays.fill(partitions, 0, rows, 0);
            for (VectorEvaluator key : keys) {
                KeyHasher.combine(key.evaluate(batch), rows, partitions);
            }
            if (!keys.isEmpty()) {
                for (int r = 0; r < rows; r++) {
                    partitions[r] = Math.floorMod(KeyHasher.mix(partitions[r]), sink.partitions());
                }
            }
            writer.write(batch, partitions);
        }
        return writer.commit();
    }

    /** Serializes the task's rows into one block of this executor's cache store. */
    private static StageTaskResult keepCached(Pipeline pipeline, StageSink.Cache sink, StageTask task,
            ExecutionContext context) {
        CachedBlockStore store = CachedBlockStore.instance();
        store.retainOnly(sink.liveCacheIds());
        io.spindle.runtime.shuffle.ByteSink bytes = new io.spindle.runtime.shuffle.ByteSink(1 << 16);
        long rows = 0;
        for (ColumnBatch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
            io.spindle.runtime.shuffle.BatchSerde.write(batch, bytes);
            rows += batch.rowCount();
        }
        boolean inMemory = store.put(sink.cacheId(), task.partition(), bytes.array(), bytes.size(),
                sink.memoryBudgetBytes(), context.spillDirectory().resolveSibling("spindle-cache"));
        return new StageTaskResult.CachedPartition(task.partition(), rows, bytes.size(), inMemory, task.fragment());
    }

    private static StageTaskResult collectRows(Pipeline pipeline, StageSink.Result sink) throws Exception {
        ArrayList<Object[]> rows = new ArrayList<>();
        for (ColumnBatch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
            ColumnVector[] columns = new ColumnVector[batch.columnCount()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = batch.column(c);
            }
            for (int r = 0; r < batch.rowCount(); r++) {
                Object[] row = new Object[columns.length];
                for (int c = 0; c < columns.length; c++) {
                    row[c] = columns[c].get(r);
                }
                rows.add(row);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rows);
        }
        if (bytes.size() > sink.maxResultBytes()) {
            throw new IllegalStateException("This task's result is " + bytes.size() + " bytes, more than "
                    + "spindle.driver.maxResultSize (" + sink.maxResultBytes() + " bytes)");
        }
        return new StageTaskResult.Rows(bytes.toByteArray(), rows.size());
    }

    private static StageTaskResult writeFile(Pipeline pipeline, StageSink.Write sink, StageTask task,
            TaskContext taskContext, ExecutionContext context) throws Exception {
        return FileWriteTask.run(sink, pipeline::next, Schemas.named(task.fragment().output()), task.partition(),
                taskContext);
    }
}
