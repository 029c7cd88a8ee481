package io.spindle.jobs.bench;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;

/**
 * Deterministic benchmark data at a scale: {@code lineitem/} (TPC-H columns, numbers as double,
 * dates as date; scale 1 = 1,000,000 rows) and {@code text/} (Zipf-distributed words; scale 1 =
 * 20 MB). The same scale and seed always give the same bytes.
 */
public final class BenchData {
    public static final long LINEITEM_ROWS_PER_SCALE = 1_000_000;
    public static final long TEXT_BYTES_PER_SCALE = 20L << 20;

    static final Schema LINEITEM = Schema.of(
            Field.of("l_orderkey", DataType.LONG),
            Field.of("l_partkey", DataType.LONG),
            Field.of("l_suppkey", DataType.LONG),
            Field.of("l_linenumber", DataType.INT),
            Field.of("l_quantity", DataType.DOUBLE),
            Field.of("l_extendedprice", DataType.DOUBLE),
            Field.of("l_discount", DataType.DOUBLE),
            Field.of("l_tax", DataType.DOUBLE),
            Field.of("l_returnflag", DataType.STRING),
            Field.of("l_linestatus", DataType.STRING),
            Field.of("l_shipdate", DataType.DATE),
            Field.of("l_commitdate", DataType.DATE),
            Field.of("l_receiptdate", DataType.DATE),
            Field.of("l_shipinstruct", DataType.STRING),
            Field.of("l_shipmode", DataType.STRING),
            Field.of("l_comment", DataType.STRING));

    static final Schema EVENTS = Schema.of(
            Field.of("user_id", DataType.LONG),
            Field.of("product_id", DataType.LONG),
            Field.of("event_type", DataType.STRING),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("price", DataType.DOUBLE));
    static final Schema PRODUCTS = Schema.of(
            Field.of("product_id", DataType.LONG),
            Field.of("category", DataType.STRING),
            Field.of("brand", DataType.STRING),
            Field.of("price", DataType.DOUBLE));
    /** Days of events, ending on {@link #LAST_EVENT_DAY}. */
    public static final int EVENT_DAYS = 60;
    public static final LocalDate LAST_EVENT_DAY = LocalDate.of(2024, 3, 31);
    public static final long EVENTS_PER_DAY_PER_SCALE = 20_000;
    public static final long PRODUCTS_PER_SCALE = 10_000;
    private static final byte[][] EVENT_TYPES = bytes("view", "add_to_cart", "purchase");

    private static final byte[][] INSTRUCTIONS = bytes("DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN");
    private static final byte[][] MODES = bytes("AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK");
    private static final byte[][] COMMENTS = bytes("carefully final deposits", "quickly regular packages",
            "blithely ironic requests", "slyly express accounts", "furiously even theodolites");
    private static final byte[] R = bytes("R")[0];
    private static final byte[] A = bytes("A")[0];
    private static final byte[] N = bytes("N")[0];
    private static final byte[] O = bytes("O")[0];
    private static final byte[] F = bytes("F")[0];
    private static final int FIRST_DAY = (int) LocalDate.of(1992, 1, 2).toEpochDay();
    private static final int LAST_SHIP_DAY = (int) LocalDate.of(1998, 12, 1).toEpochDay();
    private static final int CURRENT_DAY = (int) LocalDate.of(1995, 6, 17).toEpochDay();
    private static final int FILE_ROWS = 1_000_000;
    private static final int BATCH = 4096;
    private static final long TEXT_FILE_BYTES = 128L << 20;

    private BenchData() {
    }

    /**
     * Writes {@code rows} lineitem rows as Parquet files of up to a million rows, the files in
     * parallel; each file draws from its own random stream, so the bytes do not depend on the
     * number of threads.
     */
    public static void writeLineitem(Path directory, long rows, long seed) throws IOException {
        Files.createDirectories(directory);
        ParquetFileFormat format = new ParquetFileFormat();
        Configuration conf = new Configuration();
        int files = (int) Math.max(1, (rows + FILE_ROWS - 1) / FILE_ROWS);
        inParallel(files, file -> {
            long first = rows * file / files;
            long fileRows = rows * (file + 1) / files - first;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + file);
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(
                    directory.resolve(String.format("part-%05d.parquet", file)).toUri());
            try (BatchWriter writer = format.create(conf, path, LINEITEM, WriteOptions.defaults())) {
                for (long done = 0; done < fileRows; ) {
                    int count = (int) Math.min(BATCH, fileRows - done);
                    writer.write(lineitemBatch(random, first + done, count));
                    done += count;
                }
                writer.finish();
            }
        });
    }

    /** Work on one numbered part (a file, a day) of a table. */
    interface Part {
        void write(int part) throws IOException;
    }

    /** Writes parts 0..count-1 on one thread per core; the first failure is rethrown. */
    static void inParallel(int count, Part part) throws IOException {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    part.write(index);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while generating benchmark data");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("generating benchmark data failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ColumnBatch lineitemBatch(SplittableRandom random, long firstRow, int count) {
        ColumnBatch batch = ColumnBatch.allocate(LINEITEM, count);
        for (int r = 0; r < count; r++) {
            long row = firstRow + r;
            ((LongVector) batch.column(0)).set(r, row / 4 + 1);
            ((LongVector) batch.column(1)).set(r, random.nextLong(1, 200_001));
            ((LongVector) batch.column(2)).set(r, random.nextLong(1, 10_001));
            ((IntVector) batch.column(3)).set(r, (int) (row % 4) + 1);
            int quantity = random.nextInt(1, 51);
            ((DoubleVector) batch.column(4)).set(r, quantity);
            ((DoubleVector) batch.column(5)).set(r, quantity * (random.nextInt(90_000, 200_000) / 100.0));
            ((DoubleVector) batch.column(6)).set(r, random.nextInt(0, 11) / 100.0);
            ((DoubleVector) batch.column(7)).set(r, random.nextInt(0, 9) / 100.0);
            int ship = FIRST_DAY + random.nextInt(LAST_SHIP_DAY - FIRST_DAY - 121);
            int commit = ship + random.nextInt(-60, 61);
            int receipt = ship + random.nextInt(1, 31);
            ((BytesVector) batch.column(8)).set(r, receipt <= CURRENT_DAY ? (random.nextBoolean() ? R : A) : N);
            ((BytesVector) batch.column(9)).set(r, ship > CURRENT_DAY ? O : F);
            ((IntVector) batch.column(10)).set(r, ship);
            ((IntVector) batch.column(11)).set(r, commit);
            ((IntVector) batch.column(12)).set(r, receipt);
            ((BytesVector) batch.column(13)).set(r, INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)]);
            ((BytesVector) batch.column(14)).set(r, MODES[random.nextInt(MODES.length)]);
            ((BytesVector) batch.column(15)).set(r, COMMENTS[random.nextInt(COMMENTS.length)]);
        }
        batch.setRowCount(count);
        return batch;
    }

    /**
     * Writes about {@code bytes} of text in files of up to 128 MiB (at least 4), in parallel:
     * lines of 4-16 words drawn from a 50,000-word vocabulary with Zipf(1.0) frequencies,
     * separated by single spaces.
     */
    public static void writeText(Path directory, long bytes, long seed) throws IOException {
        Files.createDirectories(directory);
        byte[][] vocabulary = new byte[50_000][];
        for (int rank = 0; rank < vocabulary.length; rank++) {
            vocabulary[rank] = word(rank).getBytes(StandardCharsets.US_ASCII);
        }
        double[] cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int rank = 0; rank < vocabulary.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        double total = sum;
        int files = (int) Math.max(4, (bytes + TEXT_FILE_BYTES - 1) / TEXT_FILE_BYTES);
        inParallel(files, file -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + file);
            long target = bytes * (file + 1) / files - bytes * file / files;
            byte[] buffer = new byte[1 << 16];
            int used = 0;
            try (java.io.OutputStream out = Files.newOutputStream(
                    directory.resolve(String.format("part-%05d.txt", file)))) {
                long written = 0;
                while (written < target) {
                    if (used > buffer.length - 1024) {
                        out.write(buffer, 0, used);
                        written += used;
                        used = 0;
                    }
                    int words = random.nextInt(4, 17);
                    for (int w = 0; w < words; w++) {
                        if (w > 0) {
                            buffer[used++] = ' ';
                        }
                        int index = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                        byte[] word = vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)];
                        System.arraycopy(word, 0, buffer, used, word.length);
                        used += word.length;
                    }
                    buffer[used++] = '\n';
                    if (written + used >= target) {
                        break;
                    }
                }
                out.write(buffer, 0, used);
            }
        });
    }

    /**
     * Writes {@code products} products (ids 1..n; some ids in events have no product, so the join
     * drops rows) and {@code events} events spread evenly over {@code days} days ending on
     * {@link #LAST_EVENT_DAY}, under {@code events/date=YYYY-MM-DD/}; the days in parallel.
     */
    public static void writeEvents(Path root, long products, long events, int days, long seed) throws IOException {
        ParquetFileFormat format = new ParquetFileFormat();
        Configuration conf = new Configuration();
        SplittableRandom productRandom = new SplittableRandom(seed);
        Path productDirectory = Files.createDirectories(root.resolve("products"));
        byte[][] categories = new byte[20][];
        for (int c = 0; c < categories.length; c++) {
            categories[c] = bytes("category-" + c)[0];
        }
        byte[][] brands = new byte[50][];
        for (int b = 0; b < brands.length; b++) {
            brands[b] = bytes("brand-" + b)[0];
        }
        try (BatchWriter writer = format.create(conf, new org.apache.hadoop.fs.Path(
                productDirectory.resolve("part-00000.parquet").toUri()), PRODUCTS, WriteOptions.defaults())) {
            for (long done = 0; done < products; ) {
                int count = (int) Math.min(BATCH, products - done);
                ColumnBatch batch = ColumnBatch.allocate(PRODUCTS, count);
                for (int r = 0; r < count; r++) {
                    long id = done + r + 1;
                    ((LongVector) batch.column(0)).set(r, id);
                    ((BytesVector) batch.column(1)).set(r, categories[(int) (id * 7 % 20)]);
                    ((BytesVector) batch.column(2)).set(r, brands[productRandom.nextInt(50)]);
                    ((DoubleVector) batch.column(3)).set(r, productRandom.nextInt(100, 100_000) / 100.0);
                }
                batch.setRowCount(count);
                writer.write(batch);
                done += count;
            }
            writer.finish();
        }
        inParallel(days, day -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + day + 1);
            long perDay = events * (day + 1) / days - events * day / days;
            LocalDate date = LAST_EVENT_DAY.minusDays(days - 1 - day);
            Path directory = Files.createDirectories(root.resolve("events").resolve("date=" + date));
            long dayStartMicros = date.toEpochDay() * 86_400_000_000L;
            try (BatchWriter writer = format.create(conf, new org.apache.hadoop.fs.Path(
                    directory.resolve("part-00000.parquet").toUri()), EVENTS, WriteOptions.defaults())) {
                for (long done = 0; done < perDay; ) {
                    int count = (int) Math.min(BATCH, perDay - done);
                    ColumnBatch batch = ColumnBatch.allocate(EVENTS, count);
                    for (int r = 0; r < count; r++) {
                        ((LongVector) batch.column(0)).set(r, random.nextLong(1, 100_000));
                        ((LongVector) batch.column(1)).set(r, random.nextLong(1, products + products / 20 + 2));
                        int type = random.nextInt(10);
                        ((BytesVector) batch.column(2)).set(r, EVENT_TYPES[type < 7 ? 0 : type < 9 ? 1 : 2]);
                        ((LongVector) batch.column(3)).set(r, dayStartMicros + random.nextLong(86_400_000_000L));
                        ((DoubleVector) batch.column(4)).set(r, random.nextInt(100, 100_000) / 100.0);
                    }
                    batch.setRowCount(count);
                    writer.write(batch);
                    done += count;
                }
                writer.finish();
            }
        });
    }

    /** A pronounceable ASCII word for a rank: consonant-vowel syllables of the rank's digits. */
    private static String word(int rank) {
        String consonants = "bcdfghjklmnprstvwz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int value = rank;
        do {
            word.append(consonants.charAt(value % consonants.length()));
            value /= consonants.length();
            word.append(vowels.charAt(value % vowels.length()));
            value /= vowels.length();
        } while (value > 0);
        return word.toString();
    }

    private static byte[][] bytes(String... values) {
        byte[][] result = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }
}
