package io.spindle.formats.orc;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Single-thread scan throughput of a generated 8-column file (2M rows by default; pass a row count),
 * best of 3 after a warm-up. Also used for CSV by {@code io.spindle.formats.csv.CsvScanBenchmark}.
 * Run from the test classpath: {@code java -cp target/classes:target/test-classes:<deps> io.spindle.formats.orc.OrcScanBenchmark}.
 */
public final class OrcScanBenchmark {
    public static final Schema SCHEMA = Schema.of(Field.of("orderkey", DataType.LONG), Field.of("partkey", DataType.INT),
            Field.of("quantity", DataType.DOUBLE), Field.of("price", DataType.decimal(12, 2)),
            Field.of("flag", DataType.STRING), Field.of("shipdate", DataType.DATE), Field.of("mode", DataType.STRING),
            Field.of("comment", DataType.STRING));
    private static final String[] MODES = {"AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK"};

    private OrcScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(new OrcFileFormat(), "orc", args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000);
    }

    public static void run(FileFormat format, String extension, int rows) throws Exception {
        Configuration conf = new Configuration();
        java.nio.file.Path local = Files.createTempDirectory("spindle-bench").resolve("data." + extension);
        Path file = new Path(local.toUri());
        long start = System.nanoTime();
        write(format, conf, file, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(local);
        System.out.printf(Locale.ROOT, "%s: wrote %,d rows, %.1f MB in %.2f s (%.0f rows/s)%n", extension, rows,
                bytes / 1e6, seconds, rows / seconds);
        FileSplit split = FileSplit.wholeFile(file, bytes);
        scan(format, conf, split, SCHEMA, Optional.empty());
        report(extension + " full scan, 8 columns", bytes, rows, format, conf, split, SCHEMA, Optional.empty());
        report(extension + " 2 columns", bytes, rows, format, conf, split, SCHEMA.select("quantity", "shipdate"),
                Optional.empty());
        report(extension + " 1% of sorted orderkey, 8 columns", bytes, rows, format, conf, split, SCHEMA,
                Optional.of(Predicate.and(Predicate.greaterThanOrEqual("orderkey", rows / 2L),
                        Predicate.lessThan("orderkey", rows / 2L + rows / 100))));
    }

    private static void write(FileFormat format, Configuration conf, Path file, int rows) throws Exception {
        Random random = new Random(1);
        ColumnBatch batch = ColumnBatch.allocate(SCHEMA, ColumnBatch.DEFAULT_CAPACITY);
        try (BatchWriter writer = format.create(conf, file, SCHEMA, WriteOptions.defaults())) {
            for (int done = 0; done < rows; ) {
                int n = Math.min(ColumnBatch.DEFAULT_CAPACITY, rows - done);
                batch.reset();
                for (int r = 0; r < n; r++) {
                    ((LongVector) batch.column(0)).set(r, done + r);
                    ((IntVector) batch.column(1)).set(r, random.nextInt(200_000));
                    ((DoubleVector) batch.column(2)).set(r, 1 + random.nextInt(50));
                    ((LongVector) batch.column(3)).set(r, random.nextInt(10_000_000));
                    set(batch, 4, r, random.nextBoolean() ? "A" : "R");
                    ((IntVector) batch.column(5)).set(r, 8036 + random.nextInt(2526));
                    set(batch, 6, r, MODES[random.nextInt(MODES.length)]);
                    set(batch, 7, r, "carefully final deposits " + random.nextInt(1000));
                }
                batch.setRowCount(n);
                writer.write(batch);
                done += n;
            }
            writer.finish();
        }
    }

    private static void set(ColumnBatch batch, int column, int row, String value) {
        ((BytesVector) batch.column(column)).set(row, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void report(String name, long bytes, int fileRows, FileFormat format, Configuration conf,
            FileSplit split, Schema schema, Optional<Predicate> predicate) throws Exception {
        double best = Double.MAX_VALUE;
        long rowsRead = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            rowsRead = scan(format, conf, split, schema, predicate);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-45s %6.3f s %,13.0f rows/s %7.1f MB/s of file (%,d rows returned)%n", name,
                best, fileRows / best, bytes / 1e6 / best, rowsRead);
    }

    private static long scan(FileFormat format, Configuration conf, FileSplit split, Schema schema,
            Optional<Predicate> predicate) throws Exception {
        long rows = 0;
        try (BatchReader reader = format.open(conf, split, schema, predicate)) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                rows += batch.rowCount();
            }
        }
        return rows;
    }
}
