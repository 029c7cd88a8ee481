package io.spindle.formats.text;

import io.spindle.formats.FormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Applies a {@link MalformedPolicy} to the bad records of one reader and counts them. Readers
 * expose it so that a task can report the count; {@link io.spindle.formats.ReadMetrics} has no
 * field for it yet.
 */
public final class MalformedRecords implements AutoCloseable {
    private final MalformedPolicy policy;
    private final Configuration conf;
    private final Path file;
    private final long splitStart;
    private final List<String> samples = new ArrayList<>();
    private OutputStream quarantine;
    private long count;

    public MalformedRecords(MalformedPolicy policy, Configuration conf, Path file, long splitStart) {
        this.policy = policy;
        this.conf = conf;
        this.file = file;
        this.splitStart = splitStart;
    }

    /**
     * Handles one bad record: throws {@code error} under FAILFAST, otherwise counts it and, under
     * QUARANTINE, appends the raw record and a newline to this reader's quarantine file.
     */
    public void handle(FormatException error, byte[] raw, int offset, int length) throws IOException {
        if (policy.mode() == MalformedMode.FAILFAST) {
            throw error;
        }
        count++;
        if (samples.size() < policy.maxSamples()) {
            samples.add(error.getMessage());
        }
        if (policy.mode() == MalformedMode.QUARANTINE) {
            if (quarantine == null) {
                quarantine = openQuarantine();
            }
            quarantine.write(raw, offset, length);
            quarantine.write('\n');
        }
    }

    /** Whether bad records fail the read, so that callers can skip work only useful for the message. */
    public boolean failsFast() {
        return policy.mode() == MalformedMode.FAILFAST;
    }

    private OutputStream openQuarantine() throws IOException {
        String name = file.getName() + (splitStart == 0 ? "" : "." + splitStart) + ".bad";
        Path target = new Path(policy.quarantineDirectory().orElseThrow(), name);
        // Overwrite: a retried task quarantines the same records again.
        return target.getFileSystem(conf).create(target, true);
    }

    /** Bad records dropped so far. */
    public long count() {
        return count;
    }

    /** The first few error messages, for logs and the status page. */
    public List<String> samples() {
        return Collections.unmodifiableList(samples);
    }

    @Override
    public void close() throws IOException {
        if (quarantine != null) {
            quarantine.close();
        }
    }
}
