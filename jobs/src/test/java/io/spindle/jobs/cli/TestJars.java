package io.spindle.jobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Application jars made in tests from compiled test classes. */
final class TestJars {

    private TestJars() {
    }

    /** A jar of every class file in {@code type}'s package directory, as the build would package them. */
    static Path jarOfPackage(Class<?> type, Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path packageDirectory = classes.resolve(type.getPackageName().replace('.', '/'));
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(packageDirectory)) {
            classFiles = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
        return jarOf(classes, classFiles, jar);
    }

    static Path jarOf(Path classesRoot, List<Path> classFiles, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : classFiles) {
                zip.putNextEntry(new JarEntry(classesRoot.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
