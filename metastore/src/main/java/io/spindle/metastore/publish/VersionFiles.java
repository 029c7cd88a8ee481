package io.spindle.metastore.publish;

import io.spindle.formats.layout.PartitionPaths;
import io.spindle.metastore.PartitionStatistics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file-system side of publishing: sizes of version directories, appends, and deleting old versions. */
final class VersionFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VersionFiles.class);

    private final Configuration conf;

    VersionFiles(Configuration conf) {
        this.conf = conf;
    }

    Path qualify(String location) throws IOException {
        Path path = new Path(location);
        return path.getFileSystem(conf).makeQualified(path);
    }

    boolean exists(String location) throws IOException {
        Path path = new Path(location);
        return path.getFileSystem(conf).exists(path);
    }

    void mkdirs(String location) throws IOException {
        Path path = new Path(location);
        path.getFileSystem(conf).mkdirs(path);
    }

    /** The data files of a directory, as readers see them: visible names only, no subdirectories. */
    List<FileStatus> dataFiles(String location) throws IOException {
        Path path = new Path(location);
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : path.getFileSystem(conf).listStatus(path)) {
            if (status.isFile() && !PartitionPaths.isHidden(status.getPath().getName())) {
                files.add(status);
            }
        }
        return files;
    }

    /** numFiles and totalSize of a directory's data files, with the writers' row count. */
    PartitionStatistics statistics(String location, long rows) throws IOException {
        long bytes = 0;
        List<FileStatus> files = dataFiles(location);
        for (FileStatus file : files) {
            bytes += file.getLen();
        }
        return new PartitionStatistics(files.size(), rows, bytes);
    }

    /**
     * Moves the data files of {@code from} into {@code to}, failing before the first move if any
     * name is taken. Returns the moved files' new paths, for undoing.
     */
    List<Path> moveFiles(String from, String to) throws IOException {
        FileSystem fs = new Path(to).getFileSystem(conf);
        List<FileStatus> files = dataFiles(from);
        for (FileStatus file : files) {
            Path target = new Path(to, file.getPath().getName());
            if (fs.exists(target)) {
                throw new IOException("Cannot append " + file.getPath() + ": " + target + " exists (file names of "
                        + "appended data must be unique; was this write already published?)");
            }
        }
        List<Path> moved = new ArrayList<>();
        for (FileStatus file : files) {
            Path target = new Path(to, file.getPath().getName());
            if (!fs.rename(file.getPath(), target)) {
                throw new IOException("Could not move " + file.getPath() + " to " + target);
            }
            moved.add(target);
        }
        return moved;
    }

    /** Deletes a directory or file if it exists; true if nothing of it is left. */
    boolean deleteQuietly(Path path) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            return fs.delete(path, true) || !fs.exists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.toString());
            return false;
        }
    }

    /**
     * Deletes a failed write's version directory and the partition directories above it that it
     * leaves empty (a new partition's {@code dt=...}), up to the table's directory, so that
     * path-based readers find no trace of the write.
     */
    void deleteVersion(Path version, String tableLocation) throws IOException {
        if (!deleteQuietly(version)) {
            return;
        }
        Path table = qualify(tableLocation);
        FileSystem fs = version.getFileSystem(conf);
        for (Path parent = fs.makeQualified(version).getParent(); parent != null && isUnder(parent, table)
                && !parent.equals(table); parent = parent.getParent()) {
            try {
                if (fs.listStatus(parent).length > 0 || !fs.delete(parent, false)) {
                    return;
                }
            } catch (FileNotFoundException e) {
                return; // a concurrent abort removed it already
            }
        }
    }

    /**
     * Deletes a partition's replaced version. A location outside the table's directory belongs to
     * someone else (an external partition pointing elsewhere) and is left alone. When the old
     * location contains the new version — a partition Hive wrote at {@code table/dt=x}, now
     * replaced by {@code table/dt=x/spindle-<id>} — only its other entries are deleted.
     *
     * @return the paths that could not be deleted
     */
    List<String> deleteReplaced(String oldLocation, String newLocation, String tableLocation) throws IOException {
        Path old = qualify(oldLocation);
        if (!isUnder(old, qualify(tableLocation))) {
            LOG.info("Not deleting the replaced partition data at {}: it is outside the table's directory {}", old,
                    tableLocation);
            return List.of();
        }
        List<String> leftovers = new ArrayList<>();
        Path fresh = newLocation.isEmpty() ? null : qualify(newLocation);
        if (fresh != null && isUnder(fresh, old)) {
            FileSystem fs = old.getFileSystem(conf);
            try {
                for (FileStatus child : fs.listStatus(old)) {
                    if (!isUnder(fresh, child.getPath()) && !deleteQuietly(child.getPath())) {
                        leftovers.add(child.getPath().toString());
                    }
                }
            } catch (FileNotFoundException e) {
                return leftovers;
            }
        } else if (!deleteQuietly(old)) {
            leftovers.add(old.toString());
        }
        return leftovers;
    }

    /**
     * Deletes the version directories in {@code partitionDirectory} that a run left behind without
     * publishing them (a job killed between its file commit and the metastore update): every
     * {@code spindle-*} directory other than {@code keep} whose newest entry is older than
     * {@code olderThanMillis}. Age is what tells them from a concurrent writer's version that is
     * about to be published, which is seconds old.
     *
     * @return the directories deleted
     */
    List<String> deleteAbandonedVersions(String partitionDirectory, String keep, long olderThanMillis)
            throws IOException {
        Path directory = qualify(partitionDirectory);
        Path kept = qualify(keep);
        FileSystem fs = directory.getFileSystem(conf);
        long cutoff = System.currentTimeMillis() - olderThanMillis;
        List<String> deleted = new ArrayList<>();
        FileStatus[] children;
        try {
            children = fs.listStatus(directory);
        } catch (FileNotFoundException e) {
            return deleted;
        }
        for (FileStatus child : children) {
            Path path = fs.makeQualified(child.getPath());
            if (child.isDirectory() && path.getName().startsWith(PartitionPublisher.VERSION_PREFIX)
                    && !path.equals(kept) && newestModification(fs, child) < cutoff && deleteQuietly(path)) {
                deleted.add(path.toString());
            }
        }
        return deleted;
    }

    private static long newestModification(FileSystem fs, FileStatus status) throws IOException {
        long newest = status.getModificationTime();
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                newest = Math.max(newest, newestModification(fs, child));
            }
        }
        return newest;
    }

    /** Whether {@code path} is {@code ancestor} or below it. */
    static boolean isUnder(Path path, Path ancestor) {
        String child = path.toUri().normalize().toString();
        String parent = ancestor.toUri().normalize().toString();
        if (parent.endsWith("/")) {
            parent = parent.substring(0, parent.length() - 1);
        }
        return child.equals(parent) || child.startsWith(parent + "/");
    }
}
