package io.spindle.am.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What the ApplicationMaster must run, shipped to it as a JSON file in the configuration archive
 * rather than on its command line (arguments survive any quoting, and nothing secret lands in
 * {@code ps} output).
 *
 * @param stagingDir the application's staging directory on the cluster file system
 * @param waitingClient whether a client follows the application (then the client removes the
 *     staging directory; otherwise the AM does)
 * @param libsArchive the archive of Spindle's jars: in the staging directory, or in the shared jar cache
 */
public record AppSpec(
        String appName,
        String mainClass,
        List<String> args,
        String stagingDir,
        boolean waitingClient,
        String libsArchive) {

    public static final String FILE_NAME = "spindle-app.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    public static AppSpec read(InputStream in) throws IOException {
        return JSON.readValue(in, AppSpec.class);
    }
}
