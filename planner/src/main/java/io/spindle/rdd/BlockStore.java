package io.spindle.rdd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cached Rdd partitions, one file per partition under the shuffle directory
 * ({@code rdd-cache/rdd-<id>/part-<p>}), so they outlive the executor that computed them. A block
 * appears atomically (written under a unique name, then renamed); a missing block is recomputed
 * from lineage by whoever needs it.
 */
public final class BlockStore {
    private BlockStore() {
    }

    public static Path directory(RddSettings settings, int rddId) {
        return new Path(settings.shuffleRoot() + "/rdd-cache/rdd-" + rddId);
    }

    public static Path block(RddSettings settings, int rddId, int partition) {
        return new Path(directory(settings, rddId), "part-" + partition);
    }

    /** The cached partition's records, or null when the block is absent. */
    public static <T> List<T> get(Configuration conf, RddSettings settings, int rddId, int partition) throws IOException {
        Path path = block(settings, rddId, partition);
        FileSystem fs = path.getFileSystem(conf);
        byte[] bytes;
        try (FSDataInputStream in = fs.open(path)) {
            bytes = new byte[Math.toIntExact(fs.getFileStatus(path).getLen())];
            in.readFully(0, bytes);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
        return RecordSerde.deserializeAll(bytes);
    }

    /** Stores a partition's records; if another attempt stored it first, keeps that one. */
    public static void put(Configuration conf, RddSettings settings, int rddId, int partition, Iterator<?> records)
            throws IOException {
        byte[] bytes = RecordSerde.serializeAll(records, new long[1]);
        Path path = block(settings, rddId, partition);
        FileSystem fs = path.getFileSystem(conf);
        Path temporary = new Path(path.getParent(), "." + path.getName() + "-" + UUID.randomUUID());
        fs.mkdirs(path.getParent());
        try (FSDataOutputStream out = fs.create(temporary, false)) {
            out.write(bytes);
        }
        if (!fs.rename(temporary, path)) {
            fs.delete(temporary, false);
        }
    }

    /** Whether every partition of the Rdd is cached (then its lineage need not run). */
    public static boolean allPresent(Configuration conf, RddSettings settings, int rddId, int partitions) {
        try {
            for (int p = 0; p < partitions; p++) {
                Path path = block(settings, rddId, p);
                if (!path.getFileSystem(conf).exists(path)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void drop(Configuration conf, RddSettings settings, int rddId) {
        Path directory = directory(settings, rddId);
        try {
            directory.getFileSystem(conf).delete(directory, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot drop cached blocks under " + directory, e);
        }
    }
}
