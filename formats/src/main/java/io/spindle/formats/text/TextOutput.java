package io.spindle.formats.text;

import io.spindle.formats.WrittenFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file behind a line-oriented writer, with {@link io.spindle.formats.BatchWriter}'s contract:
 * {@link #finish} completes it, {@link #abandon} deletes a partial file. Text files carry no
 * statistics.
 */
public final class TextOutput {
    private final Path file;
    private final FileSystem fs;
    private final OutputStream out;
    private long rows;
    private boolean done;

    public TextOutput(Configuration conf, Path file) throws IOException {
        this.file = file;
        this.fs = file.getFileSystem(conf);
        this.out = new BufferedOutputStream(fs.create(file, false), 1 << 16);
    }

    public OutputStream stream() {
        if (done) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        return out;
    }

    public void addRows(long count) {
        rows += count;
    }

    public WrittenFile finish() throws IOException {
        if (done) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        done = true;
        out.close();
        return new WrittenFile(file.toString(), rows, fs.getFileStatus(file).getLen(), Map.of());
    }

    public void abandon() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            out.close();
        } finally {
            fs.delete(file, false);
        }
    }
}
