package io.spindle.api;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an application's shuffle files live: in local mode a temporary local directory; on YARN
 * {@code <default FS home>/.spindle-shuffle/<appId>}, so shuffle blocks survive an executor's loss.
 * Both go through the Hadoop FileSystem API, so shuffle code is the same in both modes.
 * (TODO key spindle.shuffle.dir to choose the location.)
 */
final class ShuffleDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleDirectory.class);

    private final Configuration hadoopConf;
    private final Path root;

    private ShuffleDirectory(Configuration hadoopConf, Path root) {
        this.hadoopConf = hadoopConf;
        this.root = root;
    }

    static ShuffleDirectory create(SpindleConf conf, Configuration hadoopConf, String applicationId) {
        try {
            Path root;
            if (conf.get(SpindleKeys.MASTER).startsWith("local")) {
                String localDir = conf.get(SpindleKeys.LOCAL_DIR);
                java.nio.file.Path base = localDir.isEmpty()
                        ? Files.createTempDirectory("spindle-shuffle-")
                        : Files.createTempDirectory(java.nio.file.Path.of(localDir), "spindle-shuffle-");
                root = new Path(base.toUri().toString(), applicationId);
            } else {
                FileSystem fs = FileSystem.get(hadoopConf);
                root = new Path(new Path(fs.getHomeDirectory(), ".spindle-shuffle"), applicationId);
            }
            root.getFileSystem(hadoopConf).mkdirs(root);
            return new ShuffleDirectory(hadoopConf, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the shuffle directory: " + e.getMessage(), e);
        }
    }

    String root() {
        return root.toString();
    }

    void delete() {
        try {
            FileSystem fs = root.getFileSystem(hadoopConf);
            fs.delete(root, true);
            if (root.getParent() != null && root.getParent().getName().startsWith("spindle-shuffle-")) {
                fs.delete(root.getParent(), true);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete shuffle directory {}: {}", root, e.getMessage());
        }
    }
}
