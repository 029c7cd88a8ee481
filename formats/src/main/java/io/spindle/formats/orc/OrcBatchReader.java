package io.spindle.formats.orc;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgument;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.TypeDescription;

/**
 * Reads the stripes of a split (those whose first byte lies in it) through ORC's vectorized
 * record reader, including only the projected columns and handing ORC a search argument so that
 * it skips stripes and row groups (index strides) whose statistics rule the predicate out. ORC's
 * row batches are copied into Spindle vectors column by column.
 *
 * <p>ORC does not report what it skipped, so the reader derives it from the row numbers of the
 * batches it returns: see {@link OrcReadProgress}.
 */
public final class OrcBatchReader implements BatchReader {
    private final String path;
    private final Schema schema;
    private final Reader reader;
    private final RecordReader rows;
    private final OrcColumn[] columns;
    private final int[] scales;
    private final VectorizedRowBatch orcBatch;
    private final ColumnBatch batch;
    private final OrcVectorCopier copier = new OrcVectorCopier();
    private final OrcReadProgress progress;

    OrcBatchReader(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> predicate,
            int batchSize) throws IOException {
        this.path = split.path().toString();
        this.schema = requiredSchema;
        this.reader = OrcFileFormat.openReader(conf, split.path(), split.fileLength());
        try {
            TypeDescription fileSchema = reader.getSchema();
            OrcTypes.requireStruct(fileSchema, path);
            this.columns = new OrcColumn[requiredSchema.size()];
            this.scales = new int[columns.length];
            boolean[] include = new boolean[fileSchema.getMaximumId() + 1];
            include[0] = true;
            for (int i = 0; i < columns.length; i++) {
                columns[i] = OrcTypes.resolve(requiredSchema.field(i), fileSchema, path);
                if (!columns[i].isMissing()) {
                    include[columns[i].fileType().getId()] = true;
                }
                if (requiredSchema.field(i).type() instanceof DecimalType decimal) {
                    scales[i] = decimal.scale();
                }
            }
            Reader.Options options = reader.options().include(include).range(split.start(), split.length());
            predicate.ifPresent(filter -> options.searchArgument(searchArgument(filter, fileSchema),
                    fileSchema.getFieldNames().toArray(new String[0])));
            this.progress = new OrcReadProgress(reader, split, projectedIds(include), path);
            this.rows = openRows(options);
            this.orcBatch = projectedBatch(fileSchema, include, batchSize);
            this.batch = ColumnBatch.allocate(requiredSchema, batchSize);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private RecordReader openRows(Reader.Options options) throws IOException {
        try {
            return reader.rows(options);
        } catch (IOException | RuntimeException e) {
            throw new FormatException(path, progress.firstStripeOffset(), "cannot read stripes of the split: "
                    + e.getMessage(), e);
        }
    }

    private static int[] projectedIds(boolean[] include) {
        return java.util.stream.IntStream.range(1, include.length).filter(id -> include[id]).toArray();
    }

    /**
     * A row batch with vectors only for the projected columns; the others stay null, which ORC's
     * struct reader skips (as Hive's LLAP relies on). A wide table would otherwise cost a full
     * vector per column per reader.
     */
    private static VectorizedRowBatch projectedBatch(TypeDescription fileSchema, boolean[] include, int batchSize) {
        List<TypeDescription> children = fileSchema.getChildren();
        TypeDescription projection = TypeDescription.createStruct();
        for (int i = 0; i < children.size(); i++) {
            if (include[children.get(i).getId()]) {
                projection.addField(fileSchema.getFieldNames().get(i), children.get(i).clone());
            }
        }
        VectorizedRowBatch vectors = projection.createRowBatch(TypeDescription.RowBatchVersion.USE_DECIMAL64, batchSize);
        VectorizedRowBatch batch = new VectorizedRowBatch(children.size(), batchSize);
        for (int i = 0, next = 0; i < children.size(); i++) {
            batch.cols[i] = include[children.get(i).getId()] ? vectors.cols[next++] : null;
        }
        return batch;
    }

    private SearchArgument searchArgument(Predicate predicate, TypeDescription fileSchema) {
        Map<String, OrcSearchArguments.FileColumn> columnsByLowerName = new HashMap<>();
        List<String> names = fileSchema.getFieldNames();
        for (int i = 0; i < names.size(); i++) {
            TypeDescription type = fileSchema.getChildren().get(i);
            try {
                columnsByLowerName.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), new OrcSearchArguments.FileColumn(
                        names.get(i), type, OrcTypes.naturalType(names.get(i), type, path)));
            } catch (FormatException e) {
                // A nested column cannot drive skipping; a predicate on it just skips nothing.
            }
        }
        return new OrcSearchArguments(columnsByLowerName).translate(predicate);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (!nextOrcBatch()) {
            return null;
        }
        int count = orcBatch.size;
        batch.reset();
        for (int i = 0; i < columns.length; i++) {
            OrcColumn column = columns[i];
            if (column.isMissing()) {
                batch.column(i).setNulls(0, count);
            } else {
                copier.copy(column.conversion(), orcBatch.cols[column.fileIndex()], batch.column(i), count, scales[i]);
            }
        }
        batch.setRowCount(count);
        return batch;
    }

    private boolean nextOrcBatch() throws IOException {
        try {
            while (rows.nextBatch(orcBatch)) {
                if (orcBatch.size > 0) {
                    progress.batchRead(rows.getRowNumber(), orcBatch.size);
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            throw progress.corrupt(rows.getRowNumber(), e);
        }
    }

    /** ORC row groups (index strides) decoded so far, of {@link #rowIndexGroupsTotal()} in the split's stripes. */
    public long rowIndexGroupsRead() {
        return progress.rowGroupsRead();
    }

    public long rowIndexGroupsTotal() {
        return progress.rowGroupsTotal();
    }

    @Override
    public ReadMetrics metrics() {
        return progress.metrics();
    }

    @Override
    public void close() throws IOException {
        try {
            if (rows != null) {
                rows.close();
            }
        } finally {
            reader.close();
        }
    }
}
