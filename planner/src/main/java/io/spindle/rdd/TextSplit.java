package io.spindle.rdd;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** A byte range of a text file; it owns the lines that start inside it. */
public record TextSplit(String file, long start, long length, List<String> hosts) implements Serializable {

    /** Splits never exceed this, so one file still spreads over the task slots. */
    private static final long MAX_SPLIT_BYTES = 64L << 20;
    private static final long MIN_SPLIT_BYTES = 1L << 20;

    /**
     * The files under {@code input} (recursively; names starting with '_' or '.' are skipped, as
     * Hadoop does), cut into splits of about total / minPartitions bytes, within [1 MB, 64 MB].
     */
    static List<TextSplit> plan(Configuration conf, String input, int minPartitions) throws IOException {
        Path root = new Path(input);
        FileSystem fs = root.getFileSystem(conf);
        root = fs.makeQualified(root);
        if (!fs.exists(root)) {
            throw new FileNotFoundException("Input path " + root + " does not exist");
        }
        List<LocatedFileStatus> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
        long total = 0;
        while (listing.hasNext()) {
            LocatedFileStatus file = listing.next();
            if (!hidden(root, file.getPath())) {
                files.add(file);
                total += file.getLen();
            }
        }
        files.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        long splitBytes = Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, (total + minPartitions - 1) / minPartitions));
        List<TextSplit> splits = new ArrayList<>();
        for (LocatedFileStatus file : files) {
            for (long start = 0; start < file.getLen(); start += splitBytes) {
                splits.add(new TextSplit(file.getPath().toString(), start, Math.min(splitBytes, file.getLen() - start),
                        hosts(file, start)));
            }
        }
        return splits;
    }

    private static boolean hidden(Path root, Path file) {
        for (Path path = file; path != null && path.depth() > root.depth(); path = path.getParent()) {
            if (path.getName().startsWith("_") || path.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hosts(LocatedFileStatus file, long offset) {
        for (BlockLocation block : file.getBlockLocations()) {
            if (offset >= block.getOffset() && offset < block.getOffset() + block.getLength()) {
                try {
                    return Arrays.asList(block.getHosts());
                } catch (IOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }
}
