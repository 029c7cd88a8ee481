package io.spindle.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** Cutting splittable files into byte ranges with their preferred hosts. */
public final class FileSplits {
    /**
     * A last piece smaller than this fraction of the target joins the previous split instead, as
     * Hadoop's FileInputFormat does, so no task gets a sliver.
     */
    private static final double SLOP = 1.1;

    private FileSplits() {}

    /** Splits every file into ranges of about {@code targetSplitBytes}; see {@link FileFormat#plan}. */
    public static List<FileSplit> split(FileSystem fs, List<FileStatus> files, long targetSplitBytes)
            throws IOException {
        if (targetSplitBytes <= 0) {
            throw new IllegalArgumentException("Target split size must be positive, got " + targetSplitBytes);
        }
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            if (file.isDirectory()) {
                throw new IllegalArgumentException("Not a file: " + file.getPath());
            }
            BlockLocation[] blocks = fs.getFileBlockLocations(file, 0, file.getLen());
            long length = file.getLen();
            long start = 0;
            do {
                long remaining = length - start;
                long size = remaining > targetSplitBytes * SLOP ? targetSplitBytes : remaining;
                splits.add(new FileSplit(file.getPath(), start, size, hostsOf(blocks, start, size), length));
                start += size;
            } while (start < length);
        }
        return splits;
    }

    /** Hosts of the block that overlaps the range most. */
    private static List<String> hostsOf(BlockLocation[] blocks, long start, long length) throws IOException {
        BlockLocation best = null;
        long bestOverlap = -1;
        for (BlockLocation block : blocks) {
            long overlap = Math.min(start + length, block.getOffset() + block.getLength())
                    - Math.max(start, block.getOffset());
            if (overlap > bestOverlap) {
                best = block;
                bestOverlap = overlap;
            }
        }
        return best == null ? List.of() : List.of(best.getHosts());
    }
}
