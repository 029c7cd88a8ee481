package io.spindle.formats.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * A view of a file system that answers block-location questions from the locations a listing
 * already returned ({@link LocatedFileStatus}), instead of asking the NameNode again: HDFS's
 * {@code getFileBlockLocations} is one RPC per file, which for a table of ten thousand small files
 * is ten thousand RPCs on the driver. Everything else goes to the wrapped file system.
 */
final class LocatedBlocksFileSystem extends FilterFileSystem {
    LocatedBlocksFileSystem(FileSystem fs) {
        super(fs);
    }

    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) throws IOException {
        if (!(file instanceof LocatedFileStatus located) || located.getBlockLocations() == null) {
            return super.getFileBlockLocations(file, start, len);
        }
        List<BlockLocation> overlapping = new ArrayList<>();
        for (BlockLocation block : located.getBlockLocations()) {
            boolean overlaps = block.getOffset() < start + len && start < block.getOffset() + block.getLength();
            if (overlaps || (len == 0 && block.getOffset() == start)) {
                overlapping.add(block);
            }
        }
        return overlapping.toArray(new BlockLocation[0]);
    }
}
