package io.spindle.rdd;

import io.spindle.api.Rdd;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/** Lines of text files, one partition per {@link TextSplit}. */
public final class TextFileRdd extends Rdd<String> {
    private static final long serialVersionUID = 1L;

    private final List<TextSplit> splits;

    TextFileRdd(RddContext context, List<TextSplit> splits) {
        super(context);
        this.splits = List.copyOf(splits);
    }

    @Override
    public int numPartitions() {
        return splits.size();
    }

    @Override
    public List<Dependency> dependencies() {
        return List.of();
    }

    @Override
    protected Iterator<String> compute(int partition, TaskEnvironment environment) throws Exception {
        TextSplit split = splits.get(partition);
        Path path = new Path(split.file());
        FSDataInputStream in = path.getFileSystem(environment.context().hadoopConf()).open(path);
        if (split.start() > 0) {
            in.seek(split.start() - 1);
        }
        return new TextLineIterator(in, split.start(), split.length());
    }

    @Override
    public List<String> preferredHosts(int partition) {
        return splits.get(partition).hosts();
    }
}
