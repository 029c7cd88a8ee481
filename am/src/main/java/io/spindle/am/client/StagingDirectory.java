package io.spindle.am.client;

import io.spindle.am.yarn.LaunchLayout;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * An application's staging directory on the cluster file system: owner-only, holding what its
 * containers localize, removed when the application ends.
 */
public final class StagingDirectory {

    /** Owner-only: the staging directory holds the application's jars and configuration. */
    static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);

    private final FileSystem fs;
    private final Path path;

    private StagingDirectory(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** {@code spindle.yarn.stagingDir}, or {@code <home>/.spindle-staging}. */
    public static Path root(FileSystem fs, SpindleConf conf) {
        String configured = conf.get(SpindleKeys.YARN_STAGING_DIR);
        Path root = configured.isBlank() ? new Path(fs.getHomeDirectory(), ".spindle-staging") : new Path(configured);
        return fs.makeQualified(root);
    }

    public static StagingDirectory create(FileSystem fs, Path root, String applicationId) throws IOException {
        if (!fs.exists(root)) {
            fs.mkdirs(root, OWNER_ONLY);
            fs.setPermission(root, OWNER_ONLY);
        }
        Path path = new Path(root, applicationId);
        fs.mkdirs(path, OWNER_ONLY);
        fs.setPermission(path, OWNER_ONLY); // mkdirs applies the umask
        return new StagingDirectory(fs, fs.makeQualified(path));
    }

    public static StagingDirectory existing(FileSystem fs, Path path) {
        return new StagingDirectory(fs, fs.makeQualified(path));
    }

    public Path path() {
        return path;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public void upload(java.nio.file.Path local, String name) throws IOException {
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), new Path(path, name));
    }

    public OutputStream create(String name) throws IOException {
        return fs.create(new Path(path, name), true);
    }

    /**
     * The resources every Spindle container localizes, built from the uploaded files' status. The
     * jars archive is PRIVATE when it lives in the shared jar cache, so NodeManagers keep it across
     * this user's applications; everything else is APPLICATION-scoped.
     */
    public Map<String, LocalResource> localResources(Path libsArchive) throws IOException {
        Map<String, LocalResource> resources = new HashMap<>();
        resources.put(LaunchLayout.APP_JAR, resource(new Path(path, LaunchLayout.APP_JAR), LocalResourceType.FILE,
                LocalResourceVisibility.APPLICATION));
        Path archive = fs.makeQualified(libsArchive);
        boolean shared = !archive.getParent().equals(path);
        resources.put(LaunchLayout.LIBS, resource(archive, LocalResourceType.ARCHIVE,
                shared ? LocalResourceVisibility.PRIVATE : LocalResourceVisibility.APPLICATION));
        resources.put(LaunchLayout.CONF, resource(new Path(path, LaunchLayout.CONF_ARCHIVE), LocalResourceType.ARCHIVE,
                LocalResourceVisibility.APPLICATION));
        return resources;
    }

    private LocalResource resource(Path file, LocalResourceType type, LocalResourceVisibility visibility)
            throws IOException {
        FileStatus status = fs.getFileStatus(file);
        return LocalResource.newInstance(URL.fromPath(status.getPath()), type, visibility, status.getLen(),
                status.getModificationTime());
    }

    /** Removes the directory and everything in it; true when it is gone. */
    public boolean delete() {
        try {
            return fs.delete(path, true) || !fs.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
