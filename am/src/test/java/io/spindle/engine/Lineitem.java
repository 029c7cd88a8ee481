package io.spindle.engine;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;

/**
 * A TPC-H-like lineitem table, generated deterministically and written as Parquet files. Nulls
 * where sensible: about 1% of l_tax, l_returnflag and l_shipdate are NULL, so that queries meet
 * NULL keys, NULL aggregate inputs and NULL filter columns.
 */
final class Lineitem {
    static final Schema SCHEMA = Schema.of(
            Field.of("l_orderkey", DataType.LONG),
            Field.of("l_linenumber", DataType.INT),
            Field.of("l_quantity", DataType.decimal(15, 2)),
            Field.of("l_extendedprice", DataType.decimal(15, 2)),
            Field.of("l_discount", DataType.decimal(15, 2)),
            Field.of("l_tax", DataType.decimal(15, 2)),
            Field.of("l_returnflag", DataType.STRING),
            Field.of("l_linestatus", DataType.STRING),
            Field.of("l_shipdate", DataType.DATE),
            Field.of("l_shipmode", DataType.STRING));

    private static final byte[][] FLAGS = bytes("A", "N", "R");
    private static final byte[][] STATUS = bytes("F", "O");
    private static final byte[][] MODES = bytes("AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK");
    private static final int FIRST_DAY = (int) LocalDate.of(1992, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(1998, 12, 1).toEpochDay() - FIRST_DAY);

    private Lineitem() {}

    /** Writes {@code rows} rows into {@code files} Parquet files under {@code directory}. */
    static void write(Path directory, long rows, int files, long seed) throws IOException {
        ParquetFileFormat format = new ParquetFileFormat();
        Configuration conf = new Configuration();
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        for (int file = 0; file < files; file++) {
            long fileRows = rows * (file + 1) / files - written;
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(directory.resolve("part-" + file + ".parquet")
                    .toUri());
            try (BatchWriter writer = format.create(conf, path, SCHEMA, WriteOptions.defaults())) {
                for (long done = 0; done < fileRows; ) {
                    int count = (int) Math.min(4096, fileRows - done);
                    writer.write(batch(random, written + done, count));
                    done += count;
                }
                writer.finish();
            }
            written += fileRows;
        }
    }

    private static ColumnBatch batch(SplittableRandom random, long firstRow, int count) {
        ColumnBatch batch = ColumnBatch.allocate(SCHEMA, count);
        for (int r = 0; r < count; r++) {
            long row = firstRow + r;
            ((LongVector) batch.column(0)).set(r, row / 4 + 1);
            ((IntVector) batch.column(1)).set(r, (int) (row % 4) + 1);
            long quantity = random.nextInt(1, 51);
            ((LongVector) batch.column(2)).set(r, quantity * 100);
            ((LongVector) batch.column(3)).set(r, quantity * random.nextLong(90_000, 10_500_000) / 10);
            ((LongVector) batch.column(4)).set(r, random.nextInt(0, 11));
            if (random.nextInt(100) == 0) {
                batch.column(5).setNull(r);
            } else {
                ((LongVector) batch.column(5)).set(r, random.nextInt(0, 9));
            }
            if (random.nextInt(100) == 0) {
                batch.column(6).setNull(r);
            } else {
                ((BytesVector) batch.column(6)).set(r, FLAGS[random.nextInt(FLAGS.length)]);
            }
            ((BytesVector) batch.column(7)).set(r, STATUS[random.nextInt(STATUS.length)]);
            if (random.nextInt(100) == 0) {
                batch.column(8).setNull(r);
            } else {
                ((IntVector) batch.column(8)).set(r, FIRST_DAY + random.nextInt(DAYS));
            }
            ((BytesVector) batch.column(9)).set(r, MODES[random.nextInt(MODES.length)]);
        }
        batch.setRowCount(count);
        return batch;
    }

    private static byte[][] bytes(String... values) {
        byte[][] result = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }
}
