package io.spindle.formats.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's {@code file:} file system, except that it sets permissions through java.nio instead of
 * forking {@code chmod}. Without Hadoop's native library, {@link RawLocalFileSystem} runs one
 * {@code chmod} process for every file it creates and every directory it makes (a data file and
 * its {@code .crc} are two), 10-40 ms each: most of the wall time of a small local stage. The
 * permissions set are the same; a mode java.nio cannot express (sticky, setuid or setgid bits) or
 * a non-POSIX file system still goes through Hadoop's own code.
 */
public final class NioLocalFileSystem extends LocalFileSystem {

    /** Makes {@code conf} use this class for {@code file:} paths, unless it names another already. */
    public static Configuration install(Configuration conf) {
        if (conf.get(IMPL_KEY) == null || conf.get(IMPL_KEY).equals(LocalFileSystem.class.getName())) {
            conf.set(IMPL_KEY, NioLocalFileSystem.class.getName());
        }
        return conf;
    }

    static final String IMPL_KEY = "fs.file.impl";

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw local file system with {@link #setPermission} through java.nio. */
    static final class Raw extends RawLocalFileSystem {
        private static final PosixFilePermission[] BITS = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            int mode = permission.toShort();
            if ((mode & ~0777) != 0 || NativeIO.isAvailable()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(mode));
            } catch (UnsupportedOperationException e) {
                super.setPermission(p, permission);
            }
        }

        static Set<PosixFilePermission> posix(int mode) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            for (int bit = 0; bit < BITS.length; bit++) {
                if ((mode & (1 << bit)) != 0) {
                    permissions.add(BITS[bit]);
                }
            }
            return permissions;
        }
    }
}
