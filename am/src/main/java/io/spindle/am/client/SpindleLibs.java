package io.spindle.am.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Finds Spindle's jars and packs them into the one archive a container unpacks. */
public final class SpindleLibs {

    private SpindleLibs() {
    }

    /** The jars of a lib directory (sorted, so archives of the same jars are identical). */
    public static List<Path> jarsIn(Path libDir) throws IOException {
        if (!Files.isDirectory(libDir)) {
            throw new IOException("Spindle's lib directory " + libDir + " does not exist; build it with: mvn -DskipTests package");
        }
        try (Stream<Path> files = Files.list(libDir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * Writes the jars into a zip without compressing them again (jars are already compressed;
     * STORED entries make both packing and the NodeManager's unpacking I/O-bound, not CPU-bound).
     */
    public static void writeArchive(List<Path> jars, OutputStream out) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (names.contains(name)) {
                    continue; // the same artifact reached through two paths
                }
                names.add(name);
                byte[] bytes = Files.readAllBytes(jar);
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                entry.setTime(Files.getLastModifiedTime(jar).toMillis());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    /** A fingerprint of the jar set: names, sizes and modification times. */
    public static String fingerprint(List<Path> jars) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path jar : jars) {
                // One line per jar, fields separated, so no two jar sets share a digest input.
                String line = jar.getFileName() + "\t" + Files.size(jar) + "\t"
                        + Files.getLastModifiedTime(jar).toMillis() + "\n";
                digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
