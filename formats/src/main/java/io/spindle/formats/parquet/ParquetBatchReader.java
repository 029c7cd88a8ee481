package io.spindle.formats.parquet;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.ColumnEvidence;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.predicate.PredicateEvaluator;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.internal.filter2.columnindex.ColumnIndexFilter;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Reads the row groups of a split (those whose midpoint lies in it) into column batches. Only the
 * projected columns' chunks are read; row groups the pushed predicate rules out by statistics or
 * dictionaries are skipped without reading their data. Inside a row group that is read, the column
 * index (per-page min / max / nulls, when the file has one) narrows the rows to ranges whose pages
 * might match ({@link PageFilters}); only those pages are read, and batches never span two ranges.
 */
final class ParquetBatchReader implements BatchReader {
    private final String path;
    private final Configuration conf;
    private final FileSplit split;
    private final Schema schema;
    private final Optional<Predicate> predicate;
    private final ParquetFileReader reader;
    private final List<BlockMetaData> rowGroups;
    private final ParquetColumn[] columns;
    private final Map<String, ParquetColumn> predicateColumns = new HashMap<>();
    private final Map<String, io.spindle.formats.types.DataType> missingPredicateColumns = new HashMap<>();
    private final ColumnChunkReader[] chunkReaders;
    private PageReadStore openRowGroup; // the row group the chunk readers decode, until the next
    private final ValueConverter[] converters;
    private final ColumnBatch batch;
    private final boolean readsData;
    private final int batchSize;

    /** The predicate as a parquet-mr filter for page skipping by the column index, when it translates. */
    private Optional<org.apache.parquet.filter2.predicate.FilterPredicate> pageFilter = Optional.empty();
    /** Row ranges of the current row group to read; null for every row. */
    private List<RowRanges.Range> ranges;
    private int rangeIndex;
    /** Row of the current row group the next batch starts at. */
    private long position;
    private int nextRowGroup;
    private int currentRowGroup = -1;
    private long remainingInRowGroup;
    private long rowGroupsRead;
    private long skippedByStatistics;
    private long skippedByDictionary;
    private long chunksRead;
    private long bytesRead;
    private long rowsRead;

    ParquetBatchReader(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> predicate,
            int batchSize) throws IOException {
        this.path = split.path().toString();
        this.conf = conf;
        this.split = split;
        this.schema = requiredSchema;
        this.predicate = predicate;
        this.batchSize = batchSize;
        this.reader = openFile(conf, split);
        try {
            MessageType fileSchema = reader.getFileMetaData().getSchema();
            this.columns = new ParquetColumn[requiredSchema.size()];
            Types.MessageTypeBuilder projection = Types.buildMessage();
            for (int i = 0; i < columns.length; i++) {
                columns[i] = ParquetTypes.resolve(requiredSchema.field(i), fileSchema, path);
                if (!columns[i].isMissing()) {
                    projection.addField(fileSchema.getType(columns[i].fileName()));
                }
            }
            this.readsData = projection.named(fileSchema.getName()).getFieldCount() > 0;
            reader.setRequestedSchema(projection.named(fileSchema.getName()));
            resolvePredicateColumns(fileSchema);
            this.pageFilter = predicate.flatMap(filter -> PageFilters.translate(filter, predicateColumns));
            this.rowGroups = reader.getRowGroups();
            this.chunkReaders = new ColumnChunkReader[columns.length];
            this.converters = new ValueConverter[columns.length];
            for (int i = 0; i < columns.length; i++) {
                converters[i] = new ValueConverter();
            }
            this.batch = ColumnBatch.allocate(requiredSchema, batchSize);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static ParquetFileReader openFile(Configuration conf, FileSplit split) throws IOException {
        String path = split.path().toString();
        ParquetReadOptions options = HadoopReadOptions.builder(conf, split.path())
                .withRange(split.start(), split.end())
                .usePageChecksumVerification(true)
                .withCodecFactory(new HeapSnappyCodecFactory(org.apache.parquet.hadoop.util.HadoopCodecs
                        .newFactory(conf, 0)))
                .withAllocator(ChunkBufferPool.shared())
                .build();
        try {
            return ParquetFileReader.open(LocalInputFiles.of(split.path(), conf), options);
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(path, Math.max(0, split.fileLength() - 8),
                    "not a readable Parquet file (bad footer): " + e.getMessage(), e);
        }
    }

    /** Predicate columns are resolved at the file's own types, whether or not they are projected. */
    private void resolvePredicateColumns(MessageType fileSchema) throws FormatException {
        if (predicate.isEmpty()) {
            return;
        }
        for (String name : predicate.get().columns()) {
            Optional<Integer> required = schema.findIndex(name);
            if (required.isPresent() && !columns[required.get()].isMissing()) {
                predicateColumns.put(RowGroupEvidence.key(name), columns[required.get()]);
                continue;
            }
            if (required.isPresent()) {
                missingPredicateColumns.put(RowGroupEvidence.key(name), schema.field(required.get()).type());
                continue;
            }
            try {
                Schema fileColumns = ParquetTypes.toSpindle(fileSchema, path);
                fileColumns.findIndex(name).ifPresent(index -> {
                    Field field = fileColumns.field(index);
                    try {
                        predicateColumns.put(RowGroupEvidence.key(name), ParquetTypes.resolve(field, fileSchema, path));
                    } catch (FormatException e) {
                        // An unreadable predicate column just cannot drive skipping.
                    }
                });
            } catch (FormatException e) {
                // A nested column elsewhere in the file: this predicate column cannot drive skipping.
            }
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ColumnBatch next() throws IOException {
        while (remainingInRowGroup == 0) {
            if (!advanceRowGroup()) {
                return null;
            }
        }
        int count = (int) Math.min(batchSize, remainingInRowGroup);
        RowRanges.Range range = null;
        if (ranges != null) {
            range = ranges.get(rangeIndex);
            position = Math.max(position, range.from);
            count = (int) Math.min(count, range.to - position + 1);
        }
        batch.reset();
        for (int i = 0; i < columns.length; i++) {
            if (chunkReaders[i] == null) {
                batch.column(i).setNulls(0, count);
                continue;
            }
            try {
                if (range != null) {
                    chunkReaders[i].skipTo(position);
                }
                chunkReaders[i].read(batch.column(i), count);
            } catch (IOException | RuntimeException e) {
                throw corrupt(i, e);
            }
        }
        position += count;
        if (range != null && position > range.to) {
            rangeIndex++;
        }
        batch.setRowCount(count);
        remainingInRowGroup -= count;
        rowsRead += count;
        return batch;
    }

    private boolean advanceRowGroup() throws IOException {
        while (nextRowGroup < rowGroups.size()) {
            int index = nextRowGroup++;
            BlockMetaData block = rowGroups.get(index);
            if (canSkip(block)) {
                continue;
            }
            RowRanges selected = selectRows(index, block);
            if (selected != null && selected.rowCount() == 0) {
                skippedByStatistics++; // every page's column-index statistics exclude the predicate
                continue;
            }
            currentRowGroup = index;
            ranges = selected == null ? null : selected.getRanges();
            rangeIndex = 0;
            position = 0;
            remainingInRowGroup = selected == null ? block.getRowCount() : selected.rowCount();
            rowGroupsRead++;
            if (readsData) {
                openChunks(block, selected);
            } else {
                ranges = null; // no column is projected: the row count is all we need
            }
            return true;
        }
        closeRowGroup(); // the last row group is done: its buffers need not wait for close()
        return false;
    }

    /**
     * The rows of the row group whose pages the column index cannot rule out, or null when that is
     * every row (no filter, no column index, or nothing excluded).
     */
    private RowRanges selectRows(int index, BlockMetaData block) {
        if (pageFilter.isEmpty()) {
            return null;
        }
        try {
            java.util.Set<ColumnPath> paths = new java.util.HashSet<>();
            block.getColumns().forEach(chunk -> paths.add(chunk.getPath()));
            RowRanges selected = ColumnIndexFilter.calculateRowRanges(FilterCompat.get(pageFilter.get()),
                    reader.getColumnIndexStore(index), paths, block.getRowCount());
            return selected.rowCount() == block.getRowCount() ? null : selected;
        } catch (RuntimeException e) {
            return null; // an unreadable column index only means no page skipping
        }
    }

    private boolean canSkip(BlockMetaData block) {
        if (predicate.isEmpty()) {
            return false;
        }
        RowGroupEvidence evidence = new RowGroupEvidence(reader, block, predicateColumns, missingPredicateColumns);
        if (!PredicateEvaluator.mightMatch(predicate.get(), ColumnEvidence.statisticsOnly(evidence))) {
            skippedByStatistics++;
            return true;
        }
        boolean skip = !PredicateEvaluator.mightMatch(predicate.get(), evidence);
        bytesRead += evidence.dictionaryBytesRead();
        if (skip) {
            skippedByDictionary++;
        }
        return skip;
    }

    private void openChunks(BlockMetaData block, RowRanges selected) throws IOException {
        closeRowGroup(); // its chunk buffers go back to the pool, for this row group to reuse
        PageReadStore pages;
        try {
            pages = selected == null ? reader.readRowGroup(currentRowGroup)
                    : reader.readFilteredRowGroup(currentRowGroup, selected);
            openRowGroup = pages;
        } catch (IOException | RuntimeException e) {
            remainingInRowGroup = 0; // no chunk readers: nothing more is read from this row group
            Optional<Integer> column = locateCorruptColumn();
            if (column.isPresent()) {
                throw corrupt(column.get(), e);
            }
            throw new FormatException(path, block.getStartingPos(), "corrupt row group " + block.getOrdinal()
                    + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].isMissing()) {
                continue;
            }
            try {
                chunkReaders[i] = new ColumnChunkReader(columns[i], pages.getPageReader(columns[i].descriptor()),
                        converters[i]);
            } catch (IOException | RuntimeException e) {
                remainingInRowGroup = 0;
                throw corrupt(i, e);
            }
            chunksRead++;
            bytesRead += selected == null ? chunk(block, columns[i]).getTotalSize()
                    : selectedBytes(block, chunk(block, columns[i]), selected);
        }
    }

    /** Bytes of the chunk's pages that overlap the selected rows, plus its dictionary page. */
    private long selectedBytes(BlockMetaData block, ColumnChunkMetaData chunk, RowRanges selected) {
        try {
            OffsetIndex offsets = reader.getColumnIndexStore(currentRowGroup).getOffsetIndex(chunk.getPath());
            long bytes = chunk.hasDictionaryPage() ? chunk.getFirstDataPageOffset() - chunk.getStartingPos() : 0;
            for (int page = 0; page < offsets.getPageCount(); page++) {
                if (selected.isOverlapping(offsets.getFirstRowIndex(page),
                        offsets.getLastRowIndex(page, block.getRowCount()))) {
                    bytes += offsets.getCompressedPageSize(page);
                }
            }
            return bytes;
        } catch (RuntimeException e) {
            return chunk.getTotalSize();
        }
    }

    /**
     * parquet-mr reads and verifies all projected chunks of a row group at once, so its error does
     * not say which column is bad. On that (rare) path, re-read the row group one column at a time.
     */
    private Optional<Integer> locateCorruptColumn() {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].isMissing()) {
                continue;
            }
            try (ParquetFileReader single = openFile(conf, split)) {
                MessageType fileSchema = single.getFileMetaData().getSchema();
                single.setRequestedSchema(Types.buildMessage().addField(fileSchema.getType(columns[i].fileName()))
                        .named(fileSchema.getName()));
                single.readRowGroup(currentRowGroup);
            } catch (IOException | RuntimeException e) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private FormatException corrupt(int column, Exception cause) {
        BlockMetaData block = rowGroups.get(currentRowGroup);
        ColumnChunkMetaData chunk = chunk(block, columns[column]);
        return new FormatException(path, chunk.getStartingPos(), "corrupt data in row group " + block.getOrdinal()
                + ", column '" + columns[column].fileName() + "' (chunk of " + chunk.getTotalSize() + " bytes): "
                + cause.getMessage(), cause);
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, ParquetColumn column) {
        ColumnPath path = ColumnPath.get(column.descriptor().getPath());
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().equals(path)) {
                return chunk;
            }
        }
        throw new IllegalStateException("row group has no chunk for column " + path);
    }

    @Override
    public ReadMetrics metrics() {
        return new ReadMetrics(rowGroups.size(), rowGroupsRead, skippedByStatistics, skippedByDictionary,
                chunksRead, bytesRead, rowsRead);
    }

    /**
     * Hands the current row group's chunk buffers back ({@link ChunkBufferPool}). Its column
     * readers are done with them: every page they decoded was copied into the batch's vectors.
     */
    private void closeRowGroup() {
        PageReadStore pages = openRowGroup;
        openRowGroup = null;
        Arrays.fill(chunkReaders, null);
        if (pages != null) {
            try {
                pages.close();
            } catch (Exception e) {
                // releasing is only for reuse: a buffer not handed back is left to the collector
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeRowGroup();
        } finally {
            reader.close();
        }
    }
}
