package io.spindle.api;

import io.spindle.formats.FileFormat;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * The schemas in the footers of many files, read on several threads. Merging the schema of a
 * Parquet or ORC source reads every file's footer on the driver before anything else can start: a
 * file open, a seek and a decode each, mostly waiting on the file system or (in a young JVM) running
 * cold code, while the other cores are idle. The files are shared out in turn among the caller and
 * up to {@link #THREADS} - 1 helpers; each file's schema lands in its place in the result, and if
 * any read fails the failure of the first failing file in the given order is thrown, as when they
 * are read one after another.
 */
final class FooterReads {
    /** Threads reading at once, the caller included: footer reads wait on I/O as much as they compute. */
    static final int THREADS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    /** Fewer files than this are read by the caller alone: a thread hand-off costs more than a footer. */
    private static final int MIN_FILES_PER_THREAD = 2;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final ExecutorService HELPERS = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "spindle-footer-reader-" + THREAD_IDS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private FooterReads() {}

    /** Each file's schema, in the files' order, read one after another. */
    static List<Schema> readInTurn(FileFormat format, Configuration conf, List<FileStatus> files) throws IOException {
        List<Schema> schemas = new ArrayList<>(files.size());
        for (FileStatus file : files) {
            schemas.add(format.readSchema(conf, file.getPath()));
        }
        return schemas;
    }

    /** Each file's schema, in the files' order, read on up to {@link #THREADS} threads. */
    static List<Schema> readAll(FileFormat format, Configuration conf, List<FileStatus> files) throws IOException {
        int threads = Math.min(THREADS, files.size() / MIN_FILES_PER_THREAD);
        if (threads <= 1) {
            return readInTurn(format, conf, files);
        }
        Schema[] schemas = new Schema[files.size()];
        IOException[] failures = new IOException[files.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable reader = () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                try {
                    schemas[i] = format.readSchema(conf, files.get(i).getPath());
                } catch (IOException e) {
                    failures[i] = e;
                } catch (RuntimeException e) {
                    failures[i] = new WrappedFailure(e);
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>(threads - 1);
        for (int i = 1; i < threads; i++) {
            helpers.add(HELPERS.submit(reader));
        }
        reader.run();
        awaitAll(helpers);
        for (int i = 0; i < files.size(); i++) {
            if (failures[i] instanceof WrappedFailure wrapped) {
                throw wrapped.runtime;
            }
            if (failures[i] != null) {
                throw failures[i];
            }
        }
        return List.of(schemas);
    }

    private static void awaitAll(List<Future<?>> helpers) {
        boolean interrupted = false;
        for (Future<?> helper : helpers) {
            while (true) {
                try {
                    helper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers write into this call's arrays: wait for them to end
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A footer reader failed outside a read: " + e.getCause(),
                            e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A runtime failure of one read, kept in its file's place until the reads end. */
    private static final class WrappedFailure extends IOException {
        private final RuntimeException runtime;

        WrappedFailure(RuntimeException runtime) {
            super(runtime);
            this.runtime = runtime;
        }
    }
}
