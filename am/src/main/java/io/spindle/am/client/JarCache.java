package io.spindle.am.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spindle's jars, uploaded once per version ({@code spindle.yarn.jarCache}).
 *
 * <p>Spark uploads its ~250 MB of jars for every application unless an operator sets up
 * {@code spark.yarn.archive} by hand. Here the archive is keyed by a fingerprint of the jar set
 * and written once (to a temporary name, then renamed, so concurrent clients never see half an
 * archive). Because its path and modification time stay the same, NodeManagers reuse their
 * localized copy for every later application of the same user.
 */
public final class JarCache {

    private static final Logger LOG = LoggerFactory.getLogger(JarCache.class);
    static final String DIRECTORY = ".jar-cache";
    private static final String PREFIX = "spindle-libs-";
    /** Archives of other versions are removed once they have not been written for this long. */
    private static final long STALE_MILLIS = 14L * 24 * 3600 * 1000;

    private JarCache() {
    }

    /** The cached archive of {@code jars} under {@code stagingRoot}, uploaded if missing. */
    public static Path ensure(FileSystem fs, Path stagingRoot, List<java.nio.file.Path> jars) throws IOException {
        Path dir = new Path(stagingRoot, DIRECTORY);
        if (!fs.exists(dir)) {
            fs.mkdirs(dir, StagingDirectory.OWNER_ONLY);
            fs.setPermission(dir, StagingDirectory.OWNER_ONLY);
        }
        Path archive = fs.makeQualified(new Path(dir, PREFIX + SpindleLibs.fingerprint(jars) + ".zip"));
        if (fs.exists(archive)) {
            return archive;
        }
        long start = System.nanoTime();
        Path temporary = new Path(dir, "." + archive.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(temporary, false)) {
            SpindleLibs.writeArchive(jars, out);
        }
        if (!fs.rename(temporary, archive)) {
            fs.delete(temporary, false); // another client won the race; its archive is identical
        }
        LOG.info("Cached {} Spindle jars as {} in {} ms", jars.size(), archive, (System.nanoTime() - start) / 1_000_000);
        removeStale(fs, dir, archive);
        return archive;
    }

    private static void removeStale(FileSystem fs, Path dir, Path current) {
        try {
            long now = System.currentTimeMillis();
            for (FileStatus status : fs.listStatus(dir)) {
                String name = status.getPath().getName();
                boolean stale = now - status.getModificationTime() > STALE_MILLIS;
                if (stale && !status.getPath().getName().equals(current.getName())
                        && (name.startsWith(PREFIX) || name.endsWith(".tmp"))) {
                    fs.delete(status.getPath(), false);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not prune the jar cache in {}", dir, e);
        }
    }
}
