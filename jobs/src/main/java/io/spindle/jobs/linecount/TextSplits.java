package io.spindle.jobs.linecount;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Cuts the files under a path into splits of about a target size, each with its block's hosts. */
public final class TextSplits {

    private TextSplits() {
    }

    /**
     * Files under {@code input} (recursively; names starting with '_' or '.' are skipped, as Hadoop
     * does for markers such as {@code _SUCCESS}), cut into splits of at most {@code maxSplitBytes}.
     */
    public static List<TextSplitTask> plan(Configuration hadoopConf, String input, long maxSplitBytes) throws IOException {
        Path root = new Path(input);
        FileSystem fs = root.getFileSystem(hadoopConf);
        root = fs.makeQualified(root); // hidden() compares it with the qualified paths listFiles returns
        if (!fs.exists(root)) {
            throw new FileNotFoundException("Input path " + fs.makeQualified(root) + " does not exist");
        }
        List<TextSplitTask> splits = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        List<LocatedFileStatus> sorted = new ArrayList<>();
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (!hidden(root, file)) {
                sorted.add(file);
            }
        }
        sorted.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        for (LocatedFileStatus file : sorted) {
            long size = file.getLen();
            if (size == 0) {
                splits.add(new TextSplitTask(file.getPath().toString(), 0, 0, List.of()));
                continue;
            }
            for (long start = 0; start < size; start += maxSplitBytes) {
                long length = Math.min(maxSplitBytes, size - start);
                splits.add(new TextSplitTask(file.getPath().toString(), start, length, hosts(file, start)));
            }
        }
        return splits;
    }

    private static boolean hidden(Path root, FileStatus file) {
        for (Path path = file.getPath(); path != null && !path.equals(root) && path.depth() > root.depth(); path = path.getParent()) {
            String name = path.getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hosts(LocatedFileStatus file, long offset) throws IOException {
        for (BlockLocation block : file.getBlockLocations()) {
            if (offset >= block.getOffset() && offset < block.getOffset() + block.getLength()) {
                return Arrays.asList(block.getHosts());
            }
        }
        return List.of();
    }
}
