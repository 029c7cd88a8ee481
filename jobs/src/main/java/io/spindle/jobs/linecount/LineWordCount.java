package io.spindle.jobs.linecount;

import io.spindle.api.Session;
import io.spindle.conf.SpindleKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spindle's first bundled job: counts lines, words and bytes of the text files under a path,
 * one task per file split, and combines the partial counts in the driver.
 *
 * <pre>
 *   bin/spindle submit --master yarn --class io.spindle.jobs.linecount.LineWordCount \
 *       jobs/target/spindle-jobs-*.jar hdfs:///data/logs [hdfs:///out/counts]
 * </pre>
 *
 * With an output path it writes one line {@code lines<TAB>words<TAB>bytes} to
 * {@code <output>/part-00000}, published atomically with a {@code _SUCCESS} marker; a re-run
 * replaces the previous result.
 */
public final class LineWordCount {

    private static final Logger LOG = LoggerFactory.getLogger(LineWordCount.class);

    private LineWordCount() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("Usage: LineWordCount <input path> [<output path>]");
        }
        try (Session session = Session.builder().appName("line-word-count").getOrCreate()) {
            TextCounts total = count(session, args[0]);
            System.out.println("lines\twords\tbytes");
            System.out.println(total.toLine());
            if (args.length == 2) {
                write(session, args[1], total);
            }
        }
    }

    public static TextCounts count(Session session, String input) throws IOException {
        long splitBytes = session.conf().get(SpindleKeys.FILES_MAX_PARTITION_BYTES).bytes();
        List<TextSplitTask> splits = TextSplits.plan(session.hadoopConf(), input, splitBytes);
        LOG.info("Counting {} split(s) under {}", splits.size(), input);
        List<TextCounts> partial = session.runTasks("count lines and words", splits);
        return partial.stream().reduce(TextCounts.ZERO, TextCounts::plus);
    }

    /**
     * Writes next to the destination, then swaps it in: a reader never sees a half-written result.
     * Not through the formats FileCommitProtocol on purpose: this is one driver-written file whose
     * name {@code part-00000} is the job's documented output contract (the protocol names files
     * {@code part-NNNNN-<job>-cNNN}), and a re-run replaces the previous result.
     */
    private static void write(Session session, String output, TextCounts total) throws IOException {
        Path destination = new Path(output);
        FileSystem fs = destination.getFileSystem(session.hadoopConf());
        Path staging = new Path(destination.getParent(), "._" + destination.getName() + "-" + session.applicationId());
        fs.delete(staging, true);
        try (OutputStream out = fs.create(new Path(staging, "part-00000"), false)) {
            out.write((total.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        fs.create(new Path(staging, "_SUCCESS"), false).close();
        if (fs.exists(destination) && !fs.delete(destination, true)) {
            throw new IOException("Could not replace the previous result at " + destination);
        }
        if (!fs.rename(staging, destination)) {
            throw new IOException("Could not move " + staging + " to " + destination);
        }
        LOG.info("Wrote {} to {}", total.toLine(), destination);
    }
}
