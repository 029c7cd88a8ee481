package io.spindle.rdd;

import io.spindle.api.Rdd;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * saveAsTextFile's commit protocol: each task attempt writes {@code part-NNNNN-attempt-A} in a
 * staging directory beside the destination; the driver renames the attempt each task reported to
 * {@code part-NNNNN}, deletes stray attempts, writes {@code _SUCCESS} and renames the staging
 * directory into place. A failed job leaves no visible output.
 */
public final class TextOutput {
    private TextOutput() {
    }

    public static <T> void save(Rdd<T> rdd, String path) {
        Configuration conf = rdd.context().hadoopConf();
        try {
            Path destination = new Path(path);
            FileSystem fs = destination.getFileSystem(conf);
            destination = fs.makeQualified(destination);
            if (fs.exists(destination)) {
                throw new IllegalArgumentException("Output path " + destination + " already exists");
            }
            Path staging = new Path(destination.getParent(), ".spindle-staging-" + destination.getName() + "-"
                    + UUID.randomUUID());
            fs.mkdirs(staging);
            String stagingName = staging.toString();
            try {
                List<String> written = rdd.context().scheduler().runJob(rdd, (partition, records, environment) ->
                        writePart(stagingName, partition, environment, records));
                for (int p = 0; p < written.size(); p++) {
                    Path attempt = new Path(written.get(p));
                    if (!fs.rename(attempt, new Path(staging, String.format("part-%05d", p)))) {
                        throw new IOException("Could not commit " + attempt);
                    }
                }
                for (var status : fs.listStatus(staging)) {
                    if (status.getPath().getName().contains("-attempt-")) {
                        fs.delete(status.getPath(), false);
                    }
                }
                fs.create(new Path(staging, "_SUCCESS"), false).close();
                if (!fs.rename(staging, destination)) {
                    throw new IOException("Could not move " + staging + " to " + destination);
                }
            } finally {
                fs.delete(staging, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("saveAsTextFile(" + path + ") failed: " + e.getMessage(), e);
        }
    }

    private static String writePart(String staging, int partition, TaskEnvironment environment,
            java.util.Iterator<?> records) throws IOException {
        Path file = new Path(staging, String.format("part-%05d-attempt-%d-%s", partition,
                environment.context().attemptNumber(), UUID.randomUUID()));
        FileSystem fs = file.getFileSystem(environment.context().hadoopConf());
        try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(file, false), StandardCharsets.UTF_8),
                1 << 16)) {
            while (records.hasNext()) {
                out.write(String.valueOf(records.next()));
                out.write('\n');
            }
        }
        return file.toString();
    }
}
