package io.spindle.api;

import io.spindle.exec.Concurrently;
import io.spindle.formats.FileFormat;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * The schemas in the footers of many files, read on several threads. Merging the schema of a
 * Parquet or ORC source reads every file's footer on the driver before anything else can start: a
 * file open, a seek and a decode each, mostly waiting on the file system or (in a young JVM) running
 * cold code, while the other cores are idle. The files are cut into runs of consecutive files, read
 * by the caller and up to {@link #THREADS} - 1 helpers ({@link Concurrently}); each file's schema
 * lands in its place in the result, and if any read fails the failure of the first failing file in
 * the given order is thrown, as when they are read one after another.
 */
final class FooterReads {
    /** Threads reading at once, the caller included: footer reads wait on I/O as much as they compute. */
    static final int THREADS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    /** Fewer files than this are read by the caller alone: a thread hand-off costs more than a footer. */
    private static final int MIN_FILES_PER_THREAD = 2;
    private FooterReads() {}

    /** Each file's schema, in the files' order, read one after another. */
    static List<Schema> readInTurn(FileFormat format, Configuration conf, List<FileStatus> files) throws IOException {
        List<Schema> schemas = new ArrayList<>(files.size());
        for (FileStatus file : files) {
            schemas.add(format.readSchema(conf, file.getPath()));
        }
        return schemas;
    }

    /**
     * Each file's schema, in the files' order, read on up to {@link #THREADS} threads, each reading a
     * run of consecutive files in turn (so the first failing file of the first failing run is the
     * first failing file).
     */
    static List<Schema> readAll(FileFormat format, Configuration conf, List<FileStatus> files) throws IOException {
        int threads = Math.min(THREADS, files.size() / MIN_FILES_PER_THREAD);
        if (threads <= 1) {
            return readInTurn(format, conf, files);
        }
        List<Concurrently.Step<List<Schema>>> runs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            List<FileStatus> run = files.subList(t * files.size() / threads, (t + 1) * files.size() / threads);
            runs.add(() -> readInTurn(format, conf, run));
        }
        List<Schema> schemas = new ArrayList<>(files.size());
        Concurrently.runAll(runs).forEach(schemas::addAll);
        return schemas;
    }
}
