package io.spindle.plan.stage;

import io.spindle.plan.physical.BindReferences;
import io.spindle.plan.physical.FileScanExec;
import io.spindle.plan.physical.Partitioning;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ShuffleReadExec;
import io.spindle.plan.physical.ShuffleReadExec.PartitionRange;
import io.spindle.plan.stage.StageTaskResult.MapOutput;
import io.spindle.plan.stage.StageTaskResult.Rows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a stage graph on the driver: stages in dependency order, one task per partition, map stages
 * that do not read each other at the same time ({@link IndependentStages}). Before a
 * stage runs, its shuffle reads are resolved from what its parent map stages actually wrote,
 * coalescing small partitions ({@link ShufflePartitionCoalescer}); the number of partitions a map
 * stage writes follows its input size, bounded by {@code maxShufflePartitions}.
 */
public final class StageScheduler {
    /** Input per map-side partition the initial partition count aims for, before coalescing. */
    private static final long BYTES_PER_MAP_PARTITION = 16L << 20;
    /** Map-side partitions per task slot at least, so coalescing has room to balance. */
    private static final int MAP_PARTITIONS_PER_SLOT = 4;
    /** Partitions both sides of a shuffled join write before coalescing (a map task buffers a block per partition). */
    private static final int CO_PARTITIONED_WIDTH = 64;

    private final TaskLauncher launcher;
    private final SchedulerSettings settings;
    private final List<String> adaptiveDecisions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StageScheduler(TaskLauncher launcher, SchedulerSettings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    /** What the adaptive steps decided while this scheduler ran (skew splits), for explain. */
    public List<String> adaptiveDecisions() {
        return List.copyOf(adaptiveDecisions);
    }

    /** Runs every stage and returns the result rows, in partition order. */
    public List<Object[]> run(StageGraph graph) {
        return collect(runStages(graph, new StageSink.Result(settings.maxResultBytes())));
    }

    /** Runs every stage; the result stage's tasks feed {@code resultSink}; returns their results in order. */
    public List<StageTaskResult> runStages(StageGraph graph, StageSink resultSink) {
        List<PhysicalPlan> partitions = runMapStages(graph);
        List<StageTask> tasks = new ArrayList<>(partitions.size());
        for (int partition = 0; partition < partitions.size(); partition++) {
            tasks.add(new StageTask(graph.resultStage().id(), partition, partitions.get(partition), resultSink,
                    settings.taskSettings()));
        }
        return launcher.runTasks("stage " + graph.resultStage().id() + " (result)", tasks);
    }

    /**
     * Runs every map stage of {@code graph} and returns the result stage's fragment sliced to each
     * of its partitions (resolved against what the map stages wrote, bound): what the result
     * stage's tasks run. {@code Dataset.rdd()} computes these as the partitions of an Rdd.
     */
    public List<PhysicalPlan> runMapStages(StageGraph graph) {
        Map<Integer, List<MapOutput>> outputs = new HashMap<>();
        // Stage ids restart at 0 in every query; a directory per query keeps their shuffles apart.
        String queryDirectory = settings.shuffleRoot() + "/query-" + java.util.UUID.randomUUID();
        CoPartitionedShuffles coPartitioned = CoPartitionedShuffles.of(graph,
                Math.min(settings.maxShufflePartitions(), Math.max(CO_PARTITIONED_WIDTH,
                        launcher.defaultParallelism() * MAP_PARTITIONS_PER_SLOT)));
        Set<Integer> fixedShuffles = new java.util.HashSet<>();
        for (Stage stage : graph.stages()) {
            if (!stage.isResult() && stage.shufflePartitioning().fixedCount() > 0) {
                fixedShuffles.add(stage.id());
            }
        }
        for (Stage stage : graph.stages()) {
            stage.fragment().transformUp(node -> {
                if (node instanceof io.spindle.plan.physical.RowsScanExec rows) {
                    rows.rows().prepareOnDriver(); // an Rdd's shuffles, before tasks compute its partitions
                }
                return node;
            });
        }
        List<Stage> waiting = new ArrayList<>(graph.stages());
        Stage result = graph.resultStage();
        waiting.remove(result);
        while (!waiting.isEmpty()) {
            // Every map stage whose inputs are written can run now; those ready together run at once.
            List<Stage> ready = new ArrayList<>();
            for (Stage stage : waiting) {
                if (outputs.keySet().containsAll(stage.parents())) {
                    ready.add(stage);
                }
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException("Stages " + waiting.stream().map(Stage::id).toList()
                        + " read shuffles no stage writes");
            }
            List<Supplier<List<StageTaskResult>>> launches = new ArrayList<>();
            for (Stage stage : ready) {
                launches.add(mapStageLaunch(stage, outputs, coPartitioned, fixedShuffles, queryDirectory));
            }
            List<List<StageTaskResult>> results = IndependentStages.runAll(launches);
            for (int i = 0; i < ready.size(); i++) {
                List<MapOutput> mapOutputs = new ArrayList<>(results.get(i).size());
                for (StageTaskResult taskResult : results.get(i)) {
                    mapOutputs.add((MapOutput) taskResult);
                }
                outputs.put(ready.get(i).id(), mapOutputs);
                waiting.remove(ready.get(i));
            }
        }
        return slices(BindReferences.bind(resolveReads(result.id(), result.fragment(), outputs, coPartitioned,
                fixedShuffles)));
    }

    private static List<PhysicalPlan> slices(PhysicalPlan fragment) {
        int partitions = StageSlicer.partitionCount(fragment);
        List<PhysicalPlan> slices = new ArrayList<>(partitions);
        for (int partition = 0; partition < partitions; partition++) {
            slices.add(StageSlicer.slice(fragment, partition));
        }
        return slices;
    }

    /** Resolves a ready map stage's reads and sizes its shuffle now; the returned launch runs its tasks. */
    private Supplier<List<StageTaskResult>> mapStageLaunch(Stage stage, Map<Integer, List<MapOutput>> outputs,
            CoPartitionedShuffles coPartitioned, Set<Integer> fixedShuffles, String queryDirectory) {
        PhysicalPlan fragment = BindReferences.bind(resolveReads(stage.id(), stage.fragment(), outputs,
                coPartitioned, fixedShuffles));
        List<PhysicalPlan> slices = slices(fragment);
        StageSink sink = new StageSink.Shuffle(stage.id(), bindPartitioning(stage),
                mapPartitions(stage, fragment, outputs, coPartitioned), queryDirectory + "/shuffle-" + stage.id());
        List<StageTask> tasks = new ArrayList<>(slices.size());
        for (int partition = 0; partition < slices.size(); partition++) {
            tasks.add(new StageTask(stage.id(), partition, slices.get(partition), sink, settings.taskSettings()));
        }
        return () -> launcher.runTasks("stage " + stage.id() + " (shuffle map)", tasks);
    }

    /** The settings result-stage tasks run with. */
    public TaskSettings taskSettings() {
        return settings.taskSettings();
    }

    private Partitioning bindPartitioning(Stage stage) {
        // Bind the keys against the fragment's output by wrapping them in a throwaway exchange.
        PhysicalPlan bound = BindReferences.bind(new io.spindle.plan.physical.ShuffleExchangeExec(
                stage.shufflePartitioning(), stage.fragment()));
        return ((io.spindle.plan.physical.ShuffleExchangeExec) bound).partitioning();
    }

    private int mapPartitions(Stage stage, PhysicalPlan fragment, Map<Integer, List<MapOutput>> outputs,
            CoPartitionedShuffles coPartitioned) {
        if (stage.shufflePartitioning().kind() == Partitioning.Kind.SINGLE) {
            return 1;
        }
        if (stage.shufflePartitioning().fixedCount() > 0) {
            return stage.shufflePartitioning().fixedCount(); // repartition(n): what the user asked for
        }
        if (coPartitioned.contains(stage.id())) {
            return coPartitioned.width(); // both sides of a shuffled join agree, whatever their sizes
        }
        long inputBytes = inputBytes(fragment, outputs);
        long bySize = (inputBytes + BYTES_PER_MAP_PARTITION - 1) / BYTES_PER_MAP_PARTITION;
        long bySlots = (long) launcher.defaultParallelism() * MAP_PARTITIONS_PER_SLOT;
        return (int) Math.min(settings.maxShufflePartitions(), Math.max(bySize, bySlots));
    }

    private static long inputBytes(PhysicalPlan fragment, Map<Integer, List<MapOutput>> outputs) {
        long[] total = {0};
        fragment.transformUp(node -> {
            if (node instanceof FileScanExec scan) {
                total[0] += scan.totalBytes();
            } else if (node instanceof ShuffleReadExec read) {
                outputs.getOrDefault(read.shuffleId(), List.of()).forEach(output -> total[0] += output.totalBytes());
            }
            return node;
        });
        return total[0];
    }

    private PhysicalPlan resolveReads(int stageId, PhysicalPlan fragment, Map<Integer, List<MapOutput>> outputs,
            CoPartitionedShuffles coPartitioned, Set<Integer> fixedShuffles) {
        Map<Integer, long[]> sizesByShuffle = new HashMap<>();
        for (Map.Entry<Integer, List<MapOutput>> entry : outputs.entrySet()) {
            sizesByShuffle.put(entry.getKey(), partitionSizes(entry.getValue()));
        }
        long[] joint = coPartitioned.summedSizes(fragment, sizesByShuffle);
        List<PartitionRange> jointRanges = joint == null ? null : ShufflePartitionCoalescer.coalesce(joint,
                settings.targetPartitionBytes(), settings.minimumPartitionBytes(), launcher.defaultParallelism());
        Map<Integer, List<PartitionRange>> skewSplit = jointRanges == null ? null
                : SkewedJoinSplitter.split(stageId, fragment, jointRanges, outputs, settings, adaptiveDecisions);
        return fragment.transformUp(node -> {
            if (!(node instanceof ShuffleReadExec read)) {
                return node;
            }
            List<MapOutput> mapOutputs = outputs.get(read.shuffleId());
            int width = mapOutputs.isEmpty() ? 1 : mapOutputs.get(0).partitionBytes().length;
            long[] sizes = new long[width];
            List<String> indexFiles = new ArrayList<>();
            for (MapOutput output : mapOutputs) {
                indexFiles.add(output.indexFile());
                for (int p = 0; p < output.partitionBytes().length; p++) {
                    sizes[p] += output.partitionBytes()[p];
                }
            }
            List<PartitionRange> ranges = fixedShuffles.contains(read.shuffleId()) ? onePerPartition(width)
                    : skewSplit != null && skewSplit.containsKey(read.shuffleId()) ? skewSplit.get(read.shuffleId())
                    : jointRanges != null && coPartitioned.contains(read.shuffleId()) ? jointRanges
                    : ShufflePartitionCoalescer.coalesce(sizes, settings.targetPartitionBytes(),
                            settings.minimumPartitionBytes(), launcher.defaultParallelism());
            return read.resolve(indexFiles, ranges);
        });
    }

    /** A user's repartition(n) keeps its n partitions: no coalescing. */
    private static List<PartitionRange> onePerPartition(int width) {
        List<PartitionRange> ranges = new ArrayList<>(width);
        for (int p = 0; p < width; p++) {
            ranges.add(new PartitionRange(p, p + 1));
        }
        return ranges;
    }

    private static long[] partitionSizes(List<MapOutput> mapOutputs) {
        long[] sizes = new long[mapOutputs.isEmpty() ? 1 : mapOutputs.get(0).partitionBytes().length];
        for (MapOutput output : mapOutputs) {
            for (int p = 0; p < output.partitionBytes().length; p++) {
                sizes[p] += output.partitionBytes()[p];
            }
        }
        return sizes;
    }

    private List<Object[]> collect(List<StageTaskResult> results) {
        long total = 0;
        for (StageTaskResult result : results) {
            total += ((Rows) result).serialized().length;
        }
        if (total > settings.maxResultBytes()) {
            throw new ResultTooLargeException("The result of " + results.size() + " tasks is " + total
                    + " bytes, more than spindle.driver.maxResultSize (" + settings.maxResultBytes()
                    + " bytes). Write large results to files with write(), add a limit(), or raise the setting.");
        }
        List<Object[]> rows = new ArrayList<>();
        for (StageTaskResult result : results) {
            rows.addAll(deserialize(((Rows) result).serialized()));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (List<Object[]>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read task result rows: " + e.getMessage(), e);
        }
    }
}
