package io.spindle.jobs.cli;

import io.spindle.am.client.SpindleLibs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Spindle's own files are: its jars (shipped to every container) and its conf directory.
 *
 * <p>Layout, in a distribution and in a build tree alike: {@code spindle-jobs-<version>.jar} with a
 * {@code lib/} directory beside it ({@code jobs/target/} after {@code mvn package}). The
 * {@code SPINDLE_LIB_DIR} environment variable (or {@code spindle.lib.dir} system property) overrides
 * where {@code lib/} is, and {@code spindle.jobs.jar} where the jobs jar is.
 */
public final class SpindleHome {

    private SpindleHome() {
    }

    /** The jobs jar plus every jar in lib/. */
    public static List<Path> jars() throws IOException {
        Path jobsJar = jobsJar();
        Path libDir = Optional.ofNullable(System.getProperty("spindle.lib.dir"))
                .or(() -> Optional.ofNullable(System.getenv("SPINDLE_LIB_DIR"))).map(Path::of)
                .orElse(jobsJar.getParent().resolve("lib"));
        List<Path> jars = new ArrayList<>();
        jars.add(jobsJar);
        jars.addAll(SpindleLibs.jarsIn(libDir));
        return jars;
    }

    /** The jar holding Spindle's CLI and bundled jobs (the app jar of bundled jobs, too). */
    public static Path jobsJar() throws IOException {
        String configured = System.getProperty("spindle.jobs.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path source;
        try {
            source = Path.of(SpindleHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(source)) {
            return source;
        }
        // Classes from a build tree (jobs/target/classes): the packaged jar is beside it.
        Path target = source.getParent();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith("spindle-jobs-") && name.endsWith(".jar") && !name.endsWith("-tests.jar");
            }).findFirst().orElseThrow(() -> new IOException("No spindle-jobs jar in " + target
                    + "; build it with: mvn -DskipTests package"));
        }
    }

    /** $SPINDLE_CONF_DIR, else the conf/ directory of the checkout or distribution, if there is one. */
    public static Optional<Path> confDir() {
        String env = System.getenv("SPINDLE_CONF_DIR");
        if (env != null) {
            return Optional.of(Path.of(env));
        }
        String home = System.getenv("SPINDLE_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "conf"))) {
            return Optional.of(Path.of(home, "conf"));
        }
        return Optional.empty();
    }

    public static Optional<Path> log4jConfig() {
        return confDir().map(dir -> dir.resolve("log4j2.properties")).filter(Files::isRegularFile);
    }
}
