package io.spindle.minicluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds the tests' application jar from the compiled test jobs (package
 * {@code io.spindle.minicluster.jobs}): the jar a user would build, shipped the way a user's is.
 */
final class TestApplicationJar {

    private static Path jar;

    private TestApplicationJar() {
    }

    static synchronized Path get() throws IOException {
        if (jar == null) {
            jar = build();
        }
        return jar;
    }

    private static Path build() throws IOException {
        Path classes;
        try {
            classes = Path.of(TestApplicationJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path jobs = classes.resolve("io/spindle/minicluster/jobs");
        Path out = Files.createTempFile("spindle-test-app", ".jar");
        out.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jarOut = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(jobs)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path path : files) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(path));
                jarOut.closeEntry();
            }
        }
        return out;
    }
}
