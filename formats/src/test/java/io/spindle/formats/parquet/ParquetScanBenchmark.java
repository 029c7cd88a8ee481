package io.spindle.formats.parquet;

import io.spindle.conf.DataSize;
import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileSplit;
import io.spindle.formats.ReadMetrics;
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
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Single-thread scan throughput of a generated lineitem-like file (5M rows by default; pass a row
 * count and a row group size in MB as arguments). Prints write time, then best-of-5 full and selective scans, and
 * one pass of parquet-mr's row-by-row reader for scale. Run from the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> io.spindle.formats.parquet.ParquetScanBenchmark}.
 */
public final class ParquetScanBenchmark {
    private static final Schema LINEITEM = Schema.of(
            Field.of("l_orderkey", DataType.LONG), Field.of("l_partkey", DataType.INT),
            Field.of("l_quantity", DataType.DOUBLE), Field.of("l_extendedprice", DataType.DOUBLE),
            Field.of("l_discount", DataType.DOUBLE), Field.of("l_tax", DataType.DOUBLE),
            Field.of("l_returnflag", DataType.STRING), Field.of("l_linestatus", DataType.STRING),
            Field.of("l_shipdate", DataType.DATE), Field.of("l_commitdate", DataType.DATE),
            Field.of("l_shipmode", DataType.STRING), Field.of("l_comment", DataType.STRING));
    private static final String[] FLAGS = {"A", "N", "R"};
    private static final String[] STATUS = {"F", "O"};
    private static final String[] MODES = {"AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK"};
    private static final String[] WORDS = {"carefully", "final", "deposits", "sleep", "quickly", "ironic",
        "packages", "boost", "furiously", "regular", "accounts", "haggle", "blithely", "pending", "requests"};

    private ParquetScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int rowGroupMegabytes = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Configuration conf = new Configuration();
        java.nio.file.Path dir = Files.createTempDirectory("spindle-bench");
        Path file = new Path(dir.resolve("lineitem.parquet").toUri());
        ParquetFileFormat format = new ParquetFileFormat();

        long start = System.nanoTime();
        write(format, conf, file, rows, rowGroupMegabytes);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(dir.resolve("lineitem.parquet"));
        System.out.printf(Locale.ROOT, "wrote %,d rows, %.1f MB (snappy) in %.2f s: %.0f rows/s%n",
                rows, bytes / 1e6, writeSeconds, rows / writeSeconds);

        FileSplit split = FileSplit.wholeFile(file, bytes);
        for (int run = 0; run < 2; run++) { // warm-up
            scan(format, conf, split, LINEITEM, Optional.empty());
        }
        report("full scan, 12 columns", bytes, best(format, conf, split, LINEITEM, Optional.empty()));
        Schema four = LINEITEM.select("l_quantity", "l_extendedprice", "l_discount", "l_shipdate");
        report("4 numeric/date columns", bytes, best(format, conf, split, four, Optional.empty()));
        Predicate selective = Predicate.and(Predicate.greaterThanOrEqual("l_orderkey", rows / 2L),
                Predicate.lessThan("l_orderkey", rows / 2L + rows / 100));
        report("selective scan (1% of sorted l_orderkey), 12 columns", bytes,
                best(format, conf, split, LINEITEM, Optional.of(selective)));
        parquetMrBaseline(conf, file, bytes, rows);
    }

    private static void write(ParquetFileFormat format, Configuration conf, Path file, int rows, int rowGroupMegabytes)
            throws Exception {
        Random random = new Random(1);
        ColumnBatch batch = ColumnBatch.allocate(LINEITEM, ColumnBatch.DEFAULT_CAPACITY);
        try (BatchWriter writer = format.create(conf, file, LINEITEM, WriteOptions.defaults()
                .withRowGroupSize(DataSize.ofMegabytes(rowGroupMegabytes)))) {
            for (int done = 0; done < rows; ) {
                int n = Math.min(ColumnBatch.DEFAULT_CAPACITY, rows - done);
                batch.reset();
                for (int r = 0; r < n; r++) {
                    fillRow(batch, r, done + r, random);
                }
                batch.setRowCount(n);
                writer.write(batch);
                done += n;
            }
            writer.finish();
        }
    }

    private static void fillRow(ColumnBatch batch, int r, long key, Random random) {
        ((LongVector) batch.column(0)).set(r, key);
        ((IntVector) batch.column(1)).set(r, random.nextInt(200_000));
        double quantity = 1 + random.nextInt(50);
        ((DoubleVector) batch.column(2)).set(r, quantity);
        ((DoubleVector) batch.column(3)).set(r, Math.round(quantity * (900 + random.nextInt(100_000)) ) / 100.0);
        ((DoubleVector) batch.column(4)).set(r, random.nextInt(11) / 100.0);
        ((DoubleVector) batch.column(5)).set(r, random.nextInt(9) / 100.0);
        setString(batch, 6, r, FLAGS[random.nextInt(FLAGS.length)]);
        setString(batch, 7, r, STATUS[random.nextInt(STATUS.length)]);
        int shipDate = 8036 + random.nextInt(2526); // 1992-01-02 .. 1998-12-01
        ((IntVector) batch.column(8)).set(r, shipDate);
        ((IntVector) batch.column(9)).set(r, shipDate + random.nextInt(60) - 30);
        setString(batch, 10, r, MODES[random.nextInt(MODES.length)]);
        StringBuilder comment = new StringBuilder();
        for (int w = 0, words = 2 + random.nextInt(4); w < words; w++) {
            comment.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        setString(batch, 11, r, comment.toString());
    }

    private static void setString(ColumnBatch batch, int column, int row, String value) {
        ((BytesVector) batch.column(column)).set(row, value.getBytes(StandardCharsets.UTF_8));
    }

    private record Result(double seconds, ReadMetrics metrics, long checksum) {}

    private static Result best(ParquetFileFormat format, Configuration conf, FileSplit split, Schema schema,
            Optional<Predicate> predicate) throws Exception {
        Result best = null;
        for (int run = 0; run < 5; run++) {
            Result result = scan(format, conf, split, schema, predicate);
            if (best == null || result.seconds() < best.seconds()) {
                best = result;
            }
        }
        return best;
    }

    /** Reads everything and touches every value, so the JIT cannot discard the decoding. */
    private static Result scan(ParquetFileFormat format, Configuration conf, FileSplit split, Schema schema,
            Optional<Predicate> predicate) throws Exception {
        long start = System.nanoTime();
        long checksum = 0;
        try (BatchReader reader = format.open(conf, split, schema, predicate)) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                for (int c = 0; c < batch.columnCount(); c++) {
                    checksum += touch(batch, c);
                }
            }
            return new Result((System.nanoTime() - start) / 1e9, reader.metrics(), checksum);
        }
    }

    private static long touch(ColumnBatch batch, int column) {
        int rows = batch.rowCount();
        long sum = 0;
        if (batch.column(column) instanceof LongVector longs) {
            for (int r = 0; r < rows; r++) {
                sum += longs.values()[r];
            }
        } else if (batch.column(column) instanceof IntVector ints) {
            for (int r = 0; r < rows; r++) {
                sum += ints.values()[r];
            }
        } else if (batch.column(column) instanceof DoubleVector doubles) {
            for (int r = 0; r < rows; r++) {
                sum += (long) doubles.values()[r];
            }
        } else if (batch.column(column) instanceof BytesVector bytes) {
            sum += bytes.offsets()[rows];
        }
        return sum;
    }

    private static void report(String name, long fileBytes, Result result) {
        ReadMetrics metrics = result.metrics();
        System.out.printf(Locale.ROOT, "%-55s %6.3f s  %,13.0f rows/s  %7.1f MB/s of file  %7.1f MB/s read"
                        + "  (row groups %d/%d read, %,d rows)%n",
                name, result.seconds(), metrics.rowsRead() / result.seconds(), fileBytes / 1e6 / result.seconds(),
                metrics.bytesRead() / 1e6 / result.seconds(), metrics.rowGroupsRead(), metrics.rowGroupsTotal(),
                metrics.rowsRead());
    }

    private static void parquetMrBaseline(Configuration conf, Path file, long bytes, int rows) throws Exception {
        long start = System.nanoTime();
        long count = 0;
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                count++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-55s %6.3f s  %,13.0f rows/s  %7.1f MB/s of file  (%,d rows)%n",
                "baseline: parquet-mr Group reader, 12 columns, 1 pass", seconds, count / seconds,
                bytes / 1e6 / seconds, count);
    }
}
