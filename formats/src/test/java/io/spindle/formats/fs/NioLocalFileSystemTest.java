package io.spindle.formats.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private static FileSystem fileSystem() throws IOException {
        Configuration conf = NioLocalFileSystem.install(new Configuration());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return FileSystem.get(java.net.URI.create("file:///"), conf);
    }

    @Test
    void installedFileSystemCreatesFilesAndDirectoriesWithTheRequestedModes() throws IOException {
        try (FileSystem fs = fileSystem()) {
            assertInstanceOf(NioLocalFileSystem.class, fs);
            Path nested = new Path(dir.resolve("a/b").toUri());
            fs.mkdirs(nested, new FsPermission((short) 0750));
            Path file = new Path(nested, "part-0");
            try (OutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20,
                    null)) {
                out.write("rows".getBytes(StandardCharsets.UTF_8));
            }
            String umaskApplied = PosixFilePermissions.toString(
                    NioLocalFileSystem.Raw.posix(0640 & ~FsPermission.getUMask(fs.getConf()).toShort()));
            assertEquals(umaskApplied, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0"))));
            assertEquals("rows", Files.readString(dir.resolve("a/b/part-0")));
            for (int mode : new int[] {0, 0400, 0600, 0644, 0705, 0777}) {
                fs.setPermission(file, new FsPermission((short) mode));
                // The same mode as chmod's octal argument, read back through java.nio and through Hadoop.
                assertEquals(Integer.toOctalString(mode),
                        Integer.toOctalString(fs.getFileStatus(file).getPermission().toShort()));
                assertEquals(PosixFilePermissions.toString(NioLocalFileSystem.Raw.posix(mode)),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0"))));
            }
        }
    }

    @Test
    void missingFileFailsNamingIt() throws IOException {
        try (FileSystem fs = fileSystem()) {
            Path missing = new Path(dir.resolve("missing").toUri());
            IOException e = assertThrows(IOException.class, () -> fs.setPermission(missing, new FsPermission((short) 0644)));
            assertEquals(true, e.getMessage().contains("missing"), e.getMessage());
        }
    }

    @Test
    void anExplicitFileSystemChoiceIsKept() {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        assertEquals("org.apache.hadoop.fs.RawLocalFileSystem", NioLocalFileSystem.install(conf).get("fs.file.impl"));
        assertEquals(NioLocalFileSystem.class.getName(),
                NioLocalFileSystem.install(new Configuration(false)).get("fs.file.impl"));
    }
}
