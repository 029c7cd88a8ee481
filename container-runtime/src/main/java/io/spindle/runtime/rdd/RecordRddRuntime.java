package io.spindle.runtime.rdd;

import io.spindle.api.Tuple2;
import io.spindle.rdd.Aggregator;
import io.spindle.rdd.Partitioner;
import io.spindle.rdd.RddRuntime;
import io.spindle.rdd.RddSettings;
import io.spindle.rdd.ShuffleDependency;
import io.spindle.rdd.ShuffleMapStatus;
import io.spindle.rdd.TaskEnvironment;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The executor side of Rdd shuffles (registered in META-INF/services): record shuffle files, spilling combine and sort. */
public final class RecordRddRuntime implements RddRuntime {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ShuffleMapStatus writeShuffle(ShuffleDependency<?, ?, ?> dependency,
            Iterator<? extends Tuple2<?, ?>> records, int mapId, TaskEnvironment environment) throws IOException {
        RddSettings settings = environment.settings();
        Path directory = new Path(dependency.directory(settings));
        FileSystem fs = directory.getFileSystem(environment.context().hadoopConf());
        Partitioner partitioner = dependency.partitioner();
        RecordShuffleWriter writer = new RecordShuffleWriter(fs, directory, mapId, environment.context().attemptNumber(),
                partitioner.numPartitions(), settings.shuffleCompression());
        Iterator<? extends Tuple2<?, ?>> output = records;
        if (dependency.mapSideCombine()) {
            output = combineByKey((Iterator) records, (Aggregator) dependency.aggregator(), false, environment);
        }
        while (output.hasNext()) {
            Tuple2<?, ?> record = output.next();
            writer.write(partitioner.partition(record._1()), record);
        }
        return writer.commit();
    }

    @Override
    public <K, V> Iterator<Tuple2<K, V>> readShuffle(ShuffleDependency<K, ?, ?> dependency, int reducePartition,
            TaskEnvironment environment) throws IOException {
        Path directory = new Path(dependency.directory(environment.settings()));
        FileSystem fs = directory.getFileSystem(environment.context().hadoopConf());
        return new RecordShuffleReader<>(fs, dependency.indexFiles(), reducePartition,
                environment.settings().shuffleCompression());
    }

    @Override
    public <K, V, C> Iterator<Tuple2<K, C>> combineByKey(Iterator<? extends Tuple2<K, ?>> records,
            Aggregator<K, V, C> aggregator, boolean valuesAreCombiners, TaskEnvironment environment) {
        ExternalCombiner<K, V, C> combiner = new ExternalCombiner<>(aggregator, budget(environment),
                environment.settings().localDir());
        while (records.hasNext()) {
            Tuple2<K, ?> record = records.next();
            combiner.insert(record._1(), record._2(), valuesAreCombiners);
        }
        return combiner.result();
    }

    @Override
    public <K, V> Iterator<Tuple2<K, V>> sortByKey(Iterator<Tuple2<K, V>> records, Comparator<? super K> ordering,
            TaskEnvironment environment) {
        ExternalSorter<K, V> sorter = new ExternalSorter<>(ordering, budget(environment),
                environment.settings().localDir());
        records.forEachRemaining(sorter::insert);
        return sorter.result();
    }

    private static TaskMemoryBudget budget(TaskEnvironment environment) {
        return new TaskMemoryBudget(environment.settings().memoryBudgetBytes());
    }
}
