package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing Spindle's jars into the archive containers unpack, and fingerprinting the jar set. */
class SpindleLibsTest {

    @TempDir
    Path directory;

    /** A zip entry as read back: name, method and content. */
    record Entry(String name, int method, List<Byte> content) {
        static Entry of(String name, int method, byte[] bytes) {
            List<Byte> content = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                content.add(b);
            }
            return new Entry(name, method, content);
        }
    }

    static Path file(Path path, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        Files.setLastModifiedTime(path, FileTime.fromMillis(1_700_000_000_000L));
        return path;
    }

    private static List<Entry> readZip(Path zip) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                entries.add(Entry.of(entry.getName(), entry.getMethod(), file.getInputStream(entry).readAllBytes()));
            }
        }
        return entries;
    }

    @Test
    void archiveHoldsEachJarStoredByteForByte() throws IOException {
        Path a = file(directory.resolve("lib/a.jar"), 10_000, 1);
        Path b = file(directory.resolve("lib/b.jar"), 0, 2);
        Path c = file(directory.resolve("lib/c.jar"), 70_000, 3);
        Path zip = directory.resolve("libs.zip");

        try (var out = Files.newOutputStream(zip)) {
            SpindleLibs.writeArchive(List.of(a, b, c), out);
        }

        assertThat(readZip(zip)).containsExactly(
                Entry.of("a.jar", ZipEntry.STORED, Files.readAllBytes(a)),
                Entry.of("b.jar", ZipEntry.STORED, Files.readAllBytes(b)),
                Entry.of("c.jar", ZipEntry.STORED, Files.readAllBytes(c)));
    }

    @Test
    void jarWithTheSameFileNameReachedTwiceIsWrittenOnce() throws IOException {
        Path first = file(directory.resolve("one/dep.jar"), 500, 1);
        Path second = file(directory.resolve("two/dep.jar"), 700, 2);
        Path other = file(directory.resolve("two/other.jar"), 300, 3);
        Path zip = directory.resolve("libs.zip");

        try (var out = Files.newOutputStream(zip)) {
            SpindleLibs.writeArchive(List.of(first, other, second), out);
        }

        assertThat(readZip(zip)).containsExactly(
                Entry.of("dep.jar", ZipEntry.STORED, Files.readAllBytes(first)),
                Entry.of("other.jar", ZipEntry.STORED, Files.readAllBytes(other)));
    }

    @Test
    void archivesOfTheSameJarsAreIdentical() throws IOException {
        List<Path> jars = List.of(file(directory.resolve("a.jar"), 1000, 1), file(directory.resolve("b.jar"), 2000, 2));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        SpindleLibs.writeArchive(jars, first);
        SpindleLibs.writeArchive(jars, second);

        assertThat(Arrays.equals(first.toByteArray(), second.toByteArray())).isTrue();
    }

    @Test
    void jarsInListsOnlyJarsSortedByName() throws IOException {
        Path lib = directory.resolve("lib");
        file(lib.resolve("zeta.jar"), 1, 1);
        file(lib.resolve("alpha.jar"), 1, 2);
        file(lib.resolve("notes.txt"), 1, 3);
        file(lib.resolve("mid.jar"), 1, 4);

        assertThat(SpindleLibs.jarsIn(lib)).containsExactly(lib.resolve("alpha.jar"), lib.resolve("mid.jar"),
                lib.resolve("zeta.jar"));
    }

    @Test
    void jarsInAMissingDirectoryFailsNamingItAndTheBuildCommand() {
        Path missing = directory.resolve("no-such-lib");

        assertThatThrownBy(() -> SpindleLibs.jarsIn(missing)).isInstanceOf(IOException.class)
                .hasMessage("Spindle's lib directory " + missing + " does not exist; build it with: mvn -DskipTests package");
    }

    @Test
    void fingerprintIsStableForTheSameFiles() throws IOException {
        List<Path> jars = List.of(file(directory.resolve("a.jar"), 1000, 1), file(directory.resolve("b.jar"), 2000, 2));

        String first = SpindleLibs.fingerprint(jars);
        String second = SpindleLibs.fingerprint(List.copyOf(jars));

        assertThat(first).matches("[0-9a-f]{16}").isEqualTo(second);
    }

    @Test
    void fingerprintChangesWhenAJarChangesSize() throws IOException {
        Path a = file(directory.resolve("a.jar"), 1000, 1);
        Path b = file(directory.resolve("b.jar"), 2000, 2);
        String before = SpindleLibs.fingerprint(List.of(a, b));

        file(b, 2001, 2);

        assertThat(SpindleLibs.fingerprint(List.of(a, b))).isNotEqualTo(before);
    }

    @Test
    void fingerprintChangesWhenAJarChangesModificationTimeOnly() throws IOException {
        Path a = file(directory.resolve("a.jar"), 1000, 1);
        Path b = file(directory.resolve("b.jar"), 2000, 2);
        String before = SpindleLibs.fingerprint(List.of(a, b));

        Files.setLastModifiedTime(b, FileTime.fromMillis(1_700_000_001_000L));

        assertThat(SpindleLibs.fingerprint(List.of(a, b))).isNotEqualTo(before);
    }

    /**
     * Bug: size and modification time are hashed as digits with nothing between them, so size 12
     * with mtime 3456789012345 and size 123 with mtime 456789012345 give the same fingerprint, and
     * the changed jar would not be uploaded again.
     */
    @Test
    void fingerprintTellsApartSizeAndTimeThatConcatenateToTheSameDigits() throws IOException {
        Path jar = directory.resolve("x.jar");
        file(jar, 12, 1);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(3_456_789_012_345L));
        String before = SpindleLibs.fingerprint(List.of(jar));

        file(jar, 123, 1);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(456_789_012_345L));

        assertThat(SpindleLibs.fingerprint(List.of(jar))).isNotEqualTo(before);
    }
}
