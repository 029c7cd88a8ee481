package io.spindle.rdd;

import io.spindle.api.Rdd;
import io.spindle.plan.stage.TaskLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver side of the Rdd API: where Rdds come from (parallelize, textFile) and what runs
 * their jobs. A Session owns one; tests may build one over a fake {@link TaskLauncher}.
 */
public final class RddContext {
    private final TaskLauncher launcher;
    private final Supplier<RddSettings> settings;
    private final Supplier<Configuration> hadoopConf;
    private final RddScheduler scheduler;
    private Configuration driverHadoopConf;

    public RddContext(TaskLauncher launcher, Supplier<RddSettings> settings, Supplier<Configuration> hadoopConf) {
        this.launcher = launcher;
        this.settings = settings;
        this.hadoopConf = hadoopConf;
        this.scheduler = new RddScheduler(launcher, this);
    }

    public RddSettings settings() {
        return settings.get();
    }

    /** The driver's Hadoop configuration, built once (building one parses the XML defaults). */
    public synchronized Configuration hadoopConf() {
        if (driverHadoopConf == null) {
            driverHadoopConf = hadoopConf.get();
        }
        return driverHadoopConf;
    }

    public int defaultParallelism() {
        return Math.max(1, launcher.defaultParallelism());
    }

    public RddScheduler scheduler() {
        return scheduler;
    }

    /** The list cut into {@code slices} contiguous slices (some may be empty). */
    public <T> Rdd<T> parallelize(List<T> data, int slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("parallelize needs at least one slice, got " + slices);
        }
        List<ArrayList<T>> parts = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) data.size() * s / slices);
            int to = (int) ((long) data.size() * (s + 1) / slices);
            parts.add(new ArrayList<>(data.subList(from, to)));
        }
        return new ParallelCollectionRdd<>(this, parts);
    }

    /** Lines of the files under {@code path}, in splits of at most the target size (a split owns lines starting in it). */
    public Rdd<String> textFile(String path, int minPartitions) {
        try {
            return new TextFileRdd(this, TextSplit.plan(hadoopConf(), path, Math.max(1, minPartitions)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
