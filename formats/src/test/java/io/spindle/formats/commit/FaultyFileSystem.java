package io.spindle.formats.commit;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system with one rename made to fail on purpose, once armed: the n-th rename
 * after {@link #failAtRename} throws. In "crash" mode every later change fails too, as if the
 * driver had died at that point, so nothing (not even a rollback) happens after it.
 */
final class FaultyFileSystem extends FilterFileSystem {
    private final AtomicInteger renamesUntilFailure = new AtomicInteger(-1);
    private volatile boolean crash;
    private volatile boolean dead;

    FaultyFileSystem(FileSystem local) {
        super(local);
    }

    void failAtRename(int n, boolean crashThere) {
        renamesUntilFailure.set(n);
        crash = crashThere;
    }

    boolean failed() {
        return renamesUntilFailure.get() == 0;
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        checkAlive();
        if (renamesUntilFailure.get() > 0 && renamesUntilFailure.decrementAndGet() == 0) {
            dead = crash;
            throw new IOException("Injected rename failure: " + source + " -> " + target);
        }
        return super.rename(source, target);
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        checkAlive();
        return super.delete(path, recursive);
    }

    @Override
    public boolean mkdirs(Path path, FsPermission permission) throws IOException {
        checkAlive();
        return super.mkdirs(path, permission);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        checkAlive();
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    private void checkAlive() throws IOException {
        if (dead) {
            throw new IOException("Injected crash: the driver is gone");
        }
    }
}
