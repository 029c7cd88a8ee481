package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.am.yarn.LaunchLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application's staging directory on the local file system. */
class StagingDirectoryTest {

    private static final String APP_ID = "application_1700000000000_0042";
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);

    @TempDir
    java.nio.file.Path directory;

    private FileSystem fs;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        fs = FileSystem.getLocal(new Configuration());
        root = new Path(directory.resolve("staging-root").toUri());
    }

    private static void write(OutputStream out, int size) throws IOException {
        try (out) {
            out.write(new byte[size]);
        }
    }

    /** The resource as text: type, visibility, size, timestamp and file it points at. */
    private static String describe(LocalResource resource) {
        return resource.getType() + " " + resource.getVisibility() + " " + resource.getSize() + " "
                + resource.getTimestamp() + " " + resource.getResource().getScheme() + ":" + resource.getResource().getFile();
    }

    /** What the resource must say for a local file: its size and modification time as the file system reports them. */
    private static String expected(String type, String visibility, java.nio.file.Path file) throws IOException {
        return type + " " + visibility + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis()
                + " file:" + file.toAbsolutePath();
    }

    private static Map<String, String> describeAll(Map<String, LocalResource> resources) {
        Map<String, String> described = new TreeMap<>();
        resources.forEach((name, resource) -> described.put(name, describe(resource)));
        return described;
    }

    @Test
    void createMakesAnOwnerOnlyDirectoryNamedForTheApplicationUnderAnOwnerOnlyRoot() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);

        assertThat(staging.path()).isEqualTo(fs.makeQualified(new Path(root, APP_ID)));
        assertThat(List.of(fs.getFileStatus(root).getPermission(), fs.getFileStatus(staging.path()).getPermission()))
                .containsExactly(OWNER_ONLY, OWNER_ONLY);
        assertThat(fs.listStatus(staging.path())).isEmpty();
    }

    @Test
    void localResourcesUseTheSharedArchivePrivatelyAndTheRestPerApplication() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);
        write(staging.create(LaunchLayout.APP_JAR), 1234);
        write(staging.create(LaunchLayout.CONF_ARCHIVE), 567);
        Path cached = new Path(root, ".jar-cache/spindle-libs-0123456789abcdef.zip");
        write(fs.create(cached), 8901);

        Map<String, LocalResource> resources = staging.localResources(cached);

        java.nio.file.Path local = directory.resolve("staging-root");
        assertThat(describeAll(resources)).isEqualTo(Map.of(
                LaunchLayout.APP_JAR, expected("FILE", "APPLICATION", local.resolve(APP_ID).resolve(LaunchLayout.APP_JAR)),
                LaunchLayout.LIBS, expected("ARCHIVE", "PRIVATE", local.resolve(".jar-cache/spindle-libs-0123456789abcdef.zip")),
                LaunchLayout.CONF, expected("ARCHIVE", "APPLICATION", local.resolve(APP_ID).resolve(LaunchLayout.CONF_ARCHIVE))));
    }

    @Test
    void localResourcesUseAnArchiveInsideTheStagingDirectoryPerApplication() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);
        write(staging.create(LaunchLayout.APP_JAR), 10);
        write(staging.create(LaunchLayout.CONF_ARCHIVE), 20);
        write(staging.create(LaunchLayout.LIBS_ARCHIVE), 30);

        Map<String, LocalResource> resources = staging.localResources(new Path(staging.path(), LaunchLayout.LIBS_ARCHIVE));

        java.nio.file.Path local = directory.resolve("staging-root").resolve(APP_ID);
        assertThat(describeAll(resources)).isEqualTo(Map.of(
                LaunchLayout.APP_JAR, expected("FILE", "APPLICATION", local.resolve(LaunchLayout.APP_JAR)),
                LaunchLayout.LIBS, expected("ARCHIVE", "APPLICATION", local.resolve(LaunchLayout.LIBS_ARCHIVE)),
                LaunchLayout.CONF, expected("ARCHIVE", "APPLICATION", local.resolve(LaunchLayout.CONF_ARCHIVE))));
    }

    @Test
    void uploadCopiesALocalFileUnderTheGivenName() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);
        java.nio.file.Path jar = directory.resolve("my-job.jar");
        Files.write(jar, new byte[] {1, 2, 3, 4, 5});

        staging.upload(jar, LaunchLayout.APP_JAR);

        assertThat(Files.readAllBytes(directory.resolve("staging-root").resolve(APP_ID).resolve(LaunchLayout.APP_JAR)))
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void deleteRemovesTheDirectoryAndEverythingInIt() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);
        write(staging.create(LaunchLayout.APP_JAR), 10);

        boolean deleted = staging.delete();

        assertThat(List.of(deleted, fs.exists(staging.path()), fs.exists(root))).containsExactly(true, false, true);
    }

    @Test
    void deletingAnAlreadyRemovedDirectoryReportsItGone() throws IOException {
        StagingDirectory staging = StagingDirectory.create(fs, root, APP_ID);
        staging.delete();

        assertThat(staging.delete()).isTrue();
    }
}
