package io.spindle.am.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.spindle.conf.SpindleConf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks {@code submit} makes before it contacts YARN. The ResourceManager address points at a
 * local port nothing listens on; a missing jar or class must be reported without touching it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class YarnSubmissionClientTest {

    private static final String MAIN_CLASS = "io.example.jobs.Nightly";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private YarnSubmissionClient client;

    @BeforeEach
    void createClient() throws IOException {
        client = new YarnSubmissionClient(unreachableResourceManager(), new PrintStream(printed, true));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static Configuration unreachableResourceManager() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", "file:///");
        conf.set("yarn.resourcemanager.address", "127.0.0.1:" + port);
        conf.set("yarn.resourcemanager.connect.max-wait.ms", "500");
        conf.set("yarn.resourcemanager.connect.retry-interval.ms", "100");
        conf.set("ipc.client.connect.max.retries", "0");
        conf.set("ipc.client.connect.max.retries.on.timeouts", "0");
        return conf;
    }

    private Path jarWith(String name, String... entries) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                zip.closeEntry();
            }
        }
        return jar;
    }

    private SubmitRequest request(Path appJar, List<Path> spindleJars) {
        return new SubmitRequest(MAIN_CLASS, appJar, List.of("arg"), SpindleConf.defaults(), new Configuration(false),
                spindleJars, Optional.empty(), Optional.empty());
    }

    private SubmissionException submitFails(SubmitRequest request) {
        return catchThrowableOfType(SubmissionException.class, () -> client.submit(request, System.currentTimeMillis()));
    }

    /** Exit code and message, compared together. */
    private static List<Object> outcome(SubmissionException error) {
        return List.of(error.exitCode(), error.getMessage());
    }

    @Test
    void missingApplicationJarIsAUsageErrorNamingTheJar() {
        Path missing = directory.resolve("no-such-job.jar");

        SubmissionException error = submitFails(request(missing, List.of()));

        assertThat(outcome(error)).containsExactly(ExitCode.USAGE,
                "Application jar " + missing + " does not exist or is not a file.");
        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void directoryGivenAsApplicationJarIsAUsageError() {
        SubmissionException error = submitFails(request(directory, List.of()));

        assertThat(outcome(error)).containsExactly(ExitCode.USAGE,
                "Application jar " + directory + " does not exist or is not a file.");
    }

    @Test
    void applicationJarThatIsNotAZipIsAUsageErrorNamingTheJar() throws IOException {
        Path notAJar = directory.resolve("job.jar");
        Files.writeString(notAJar, "this is not a zip file");

        SubmissionException error = submitFails(request(notAJar, List.of()));

        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error.getMessage()).startsWith("Application jar " + notAJar + " is not a readable jar: ");
    }

    @Test
    void mainClassInNeitherJarIsAUsageErrorNamingClassAndJar() throws IOException {
        Path appJar = jarWith("job.jar", "io/example/jobs/Other.class", "META-INF/MANIFEST.MF");
        Path spindleJar = jarWith("spindle-jobs.jar", "io/spindle/jobs/cli/SpindleMain.class");

        SubmissionException error = submitFails(request(appJar, List.of(spindleJar, directory.resolve("missing.jar"))));

        assertThat(outcome(error)).containsExactly(ExitCode.USAGE, "Main class '" + MAIN_CLASS + "' was not found in "
                + appJar + " (nor in Spindle's jars). Check --class and the jar you built.");
    }

    @Test
    void mainClassInTheApplicationJarPassesTheCheckAndReachesForTheResourceManager() throws IOException {
        Path appJar = jarWith("job.jar", "io/example/jobs/Nightly.class");

        SubmissionException error = submitFails(request(appJar, List.of()));

        assertThat(error.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(error.getMessage()).startsWith("Cannot reach the YARN ResourceManager at 127.0.0.1:");
    }

    @Test
    void mainClassFoundOnlyInSpindlesJarsPassesTheCheck() throws IOException {
        Path appJar = jarWith("job.jar", "io/example/jobs/Other.class");
        Path bundled = jarWith("spindle-jobs.jar", "io/example/jobs/Nightly.class");

        SubmissionException error = submitFails(request(appJar, List.of(directory.resolve("missing.jar"), bundled)));

        assertThat(error.exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(error.getMessage()).startsWith("Cannot reach the YARN ResourceManager at 127.0.0.1:");
    }
}
