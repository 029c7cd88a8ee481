package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-version cache of Spindle's jar archive, on the local file system. */
class JarCacheTest {

    private static final long DAY = 24L * 3600 * 1000;

    @TempDir
    java.nio.file.Path directory;

    private FileSystem fs;
    private Path stagingRoot;
    private List<java.nio.file.Path> jars;

    @BeforeEach
    void setUp() throws IOException {
        fs = FileSystem.getLocal(new Configuration());
        stagingRoot = new Path(directory.resolve("staging").toUri());
        jars = List.of(SpindleLibsTest.file(directory.resolve("lib/a.jar"), 4000, 1),
                SpindleLibsTest.file(directory.resolve("lib/b.jar"), 9000, 2));
    }

    private Path cacheDirectory() {
        return fs.makeQualified(new Path(stagingRoot, JarCache.DIRECTORY));
    }

    private Path touch(String name, long modificationTime) throws IOException {
        Path path = new Path(cacheDirectory(), name);
        try (OutputStream out = fs.create(path, true)) {
            out.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        fs.setTimes(path, modificationTime, -1);
        return path;
    }

    private Map<String, Long> cacheListing() throws IOException {
        Map<String, Long> names = new TreeMap<>();
        for (FileStatus status : fs.listStatus(cacheDirectory())) {
            names.put(status.getPath().getName(), status.getLen());
        }
        return names;
    }

    @Test
    void firstCallWritesTheArchiveOfTheJarsNamedByTheirFingerprint() throws IOException {
        Path archive = JarCache.ensure(fs, stagingRoot, jars);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SpindleLibs.writeArchive(jars, expected);
        assertThat(archive).isEqualTo(new Path(cacheDirectory(), "spindle-libs-" + SpindleLibs.fingerprint(jars) + ".zip"));
        byte[] written = Files.readAllBytes(java.nio.file.Path.of(archive.toUri()));
        assertThat(Arrays.equals(written, expected.toByteArray())).isTrue();
        assertThat(cacheListing()).isEqualTo(Map.of(archive.getName(), (long) written.length));
    }

    @Test
    void secondCallReturnsTheSamePathWithoutRewritingTheArchive() throws IOException {
        Path first = JarCache.ensure(fs, stagingRoot, jars);
        long knownTime = (System.currentTimeMillis() - 3_600_000L) / 1000 * 1000;
        fs.setTimes(first, knownTime, -1);

        Path second = JarCache.ensure(fs, stagingRoot, jars);

        assertThat(second).isEqualTo(first);
        assertThat(fs.getFileStatus(second).getModificationTime()).isEqualTo(knownTime);
        assertThat(cacheListing().keySet()).containsExactly(first.getName());
    }

    @Test
    void cacheDirectoryIsCreatedOwnerOnly() throws IOException {
        JarCache.ensure(fs, stagingRoot, jars);

        assertThat(fs.getFileStatus(cacheDirectory()).getPermission()).isEqualTo(new FsPermission((short) 0700));
    }

    @Test
    void changedJarsGetANewArchiveBesideTheOldOne() throws IOException {
        Path first = JarCache.ensure(fs, stagingRoot, jars);
        SpindleLibsTest.file(directory.resolve("lib/b.jar"), 9001, 2);

        Path second = JarCache.ensure(fs, stagingRoot, jars);

        assertThat(second).isNotEqualTo(first);
        assertThat(cacheListing().keySet()).containsExactlyInAnyOrder(first.getName(), second.getName());
    }

    @Test
    void writingAnArchiveRemovesStaleArchivesAndTemporariesButKeepsRecentOnesAndOtherFiles() throws IOException {
        fs.mkdirs(cacheDirectory());
        long now = System.currentTimeMillis();
        touch("spindle-libs-00000000000000aa.zip", now - 15 * DAY);
        touch("spindle-libs-00000000000000bb.zip", now - 13 * DAY);
        touch(".spindle-libs-00000000000000cc.zip.1234.tmp", now - 15 * DAY);
        touch(".spindle-libs-00000000000000dd.zip.5678.tmp", now - DAY);
        touch("README", now - 30 * DAY);

        Path current = JarCache.ensure(fs, stagingRoot, jars);

        assertThat(cacheListing().keySet()).containsExactlyInAnyOrder(
                current.getName(),
                "spindle-libs-00000000000000bb.zip",
                ".spindle-libs-00000000000000dd.zip.5678.tmp",
                "README");
    }
}
