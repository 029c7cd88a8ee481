package io.spindle.formats.layout;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@code countfs:}, recording every file opened and every
 * directory listed. A scheme of its own (rather than a wrapper object) because file formats open
 * files through {@code Path.getFileSystem(conf)}: registering the scheme in the configuration
 * makes their opens count too. Listings with locations ({@code listLocatedStatus}) go through
 * {@link #listStatus} in Hadoop's default implementation, so they are recorded as well.
 */
public final class CountingFileSystem extends RawLocalFileSystem {
    public static final URI URI_ROOT = URI.create("countfs:///");

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> listed = new CopyOnWriteArrayList<>();

    /** A configuration in which {@code countfs:} paths resolve to this class. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set("fs.countfs.impl", CountingFileSystem.class.getName());
        return conf;
    }

    /** The instance {@code countfs:} paths resolve to in {@code conf} (cached by Hadoop per configuration user). */
    public static CountingFileSystem get(Configuration conf) throws IOException {
        return (CountingFileSystem) org.apache.hadoop.fs.FileSystem.get(URI_ROOT, conf);
    }

    /** {@code countfs:} form of a local path. */
    public static Path path(java.nio.file.Path local) {
        return new Path("countfs://" + local.toAbsolutePath());
    }

    @Override
    public URI getUri() {
        return URI_ROOT;
    }

    @Override
    public String getScheme() {
        return "countfs";
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        opened.add(Path.getPathWithoutSchemeAndAuthority(f).toString());
        return super.open(f, bufferSize);
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        listed.add(Path.getPathWithoutSchemeAndAuthority(f).toString());
        FileStatus[] statuses = super.listStatus(f);
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = plain(statuses[i]);
        }
        return statuses;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    /**
     * A copy without the local file system's lazily loaded permissions, which it loads through a
     * {@code file:} URI and so cannot load for a {@code countfs:} path.
     */
    private static FileStatus plain(FileStatus status) {
        return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
                status.getModificationTime(), status.getAccessTime(), FsPermission.getFileDefault(), "test", "test",
                status.getPath());
    }

    /** Local paths of the files opened so far, in order. */
    public List<String> opened() {
        return List.copyOf(opened);
    }

    /** Local paths of the directories listed so far, in order. */
    public List<String> listed() {
        return List.copyOf(listed);
    }

    public void resetCounts() {
        opened.clear();
        listed.clear();
    }
}
