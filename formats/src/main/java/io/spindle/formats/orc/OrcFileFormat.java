package io.spindle.formats.orc;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;

/**
 * Apache ORC: vectorized reads of flat columns through ORC's own record reader, with column
 * pruning and search-argument pushdown (stripes, row groups, bloom filters); writes through ORC's
 * writer. See {@link OrcTypes} for the type mapping.
 *
 * <p>Timestamps: both ORC timestamp kinds are read as micros since the epoch, with a plain
 * {@code timestamp} (a wall-clock value) read as if it were UTC — the same rule the Parquet reader
 * applies to local timestamps. Dates are read in the proleptic Gregorian calendar, converting files
 * that recorded Hive's legacy hybrid calendar.
 */
public final class OrcFileFormat implements FileFormat {
    private final int batchSize;
    private final OrcWriteOptions writeOptions;

    public OrcFileFormat() {
        this(ColumnBatch.DEFAULT_CAPACITY, OrcWriteOptions.defaults());
    }

    /**
     * @param batchSize rows per batch the readers produce
     * @param writeOptions ORC-specific settings for the files this format writes
     */
    public OrcFileFormat(int batchSize, OrcWriteOptions writeOptions) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.writeOptions = writeOptions;
    }

    @Override
    public String name() {
        return "orc";
    }

    @Override
    public Schema readSchema(Configuration conf, Path file) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        try (Reader reader = openReader(conf, file, fs.getFileStatus(file).getLen())) {
            return OrcTypes.toSpindle(reader.getSchema(), file.toString());
        }
    }

    /**
     * Cuts each file at stripe boundaries into splits of about {@code targetSplitBytes}: a split
     * runs from the start of its first stripe to the start of the next split's first stripe (the
     * first split from byte 0, the last to the end of the file), so each stripe starts in exactly
     * one split. This reads each file's footer while planning, which buys splits that never cut a
     * stripe and never come out empty.
     */
    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        if (targetSplitBytes <= 0) {
            throw new IllegalArgumentException("Target split size must be positive, got " + targetSplitBytes);
        }
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            if (file.isDirectory()) {
                throw new IllegalArgumentException("Not a file: " + file.getPath());
            }
            List<Long> cuts = cutPoints(fs.getConf(), file, targetSplitBytes);
            BlockLocation[] blocks = fs.getFileBlockLocations(file, 0, file.getLen());
            for (int i = 0; i < cuts.size(); i++) {
                long start = cuts.get(i);
                long end = i + 1 < cuts.size() ? cuts.get(i + 1) : file.getLen();
                splits.add(new FileSplit(file.getPath(), start, end - start, hostsOf(blocks, start, end - start),
                        file.getLen()));
            }
        }
        return splits;
    }

    /** Split starts: 0, then the offset of each stripe that begins a new split. */
    private static List<Long> cutPoints(Configuration conf, FileStatus file, long target) throws IOException {
        List<Long> cuts = new ArrayList<>(List.of(0L));
        if (file.getLen() == 0) {
            return cuts; // fails loudly when read: an empty file is not ORC
        }
        try (Reader reader = openReader(conf, file.getPath(), file.getLen())) {
            long splitStart = 0;
            for (StripeInformation stripe : reader.getStripes()) {
                if (stripe.getOffset() > splitStart && stripe.getOffset() + stripe.getLength() - splitStart > target) {
                    cuts.add(stripe.getOffset());
                    splitStart = stripe.getOffset();
                }
            }
        }
        return cuts;
    }

    private static List<String> hostsOf(BlockLocation[] blocks, long start, long length) throws IOException {
        BlockLocation best = null;
        long bestOverlap = -1;
        for (BlockLocation block : blocks) {
            long overlap = Math.min(start + length, block.getOffset() + block.getLength())
                    - Math.max(start, block.getOffset());
            if (overlap > bestOverlap) {
                best = block;
                bestOverlap = overlap;
            }
        }
        return best == null ? List.of() : List.of(best.getHosts());
    }

    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        return new OrcBatchReader(conf, split, requiredSchema, pushed, batchSize);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException {
        return new OrcBatchWriter(conf, file, schema, options, writeOptions);
    }

    /** Opens a file's tail (postscript, footer, metadata), failing with the file's name if it is not ORC. */
    static Reader openReader(Configuration conf, Path file, long fileLength) throws IOException {
        if (fileLength == 0) {
            // ORC's reader takes an empty file for an empty table; Spindle, like its Parquet reader, calls it broken.
            throw new FormatException(file.toString(), 0, "not a readable ORC file: the file is empty", null);
        }
        try {
            return OrcFile.createReader(file, OrcFile.readerOptions(conf)
                    .maxLength(fileLength)
                    .useUTCTimestamp(true)
                    .convertToProlepticGregorian(true));
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(file.toString(), Math.max(0, fileLength - 1),
                    "not a readable ORC file (bad postscript or footer): " + e.getMessage(), e);
        }
    }
}
