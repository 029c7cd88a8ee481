package io.spindle.formats.split;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileFormat;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.layout.PartitionPruner;
import io.spindle.formats.predicate.And;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads the members of a {@link CombinedSplit} one after the other, adding the partition columns
 * from each member's directory values. Partition columns may appear anywhere in the required
 * schema; the others are read from the files.
 *
 * <p>The pushed filter is used twice: a member whose partition values cannot match is skipped
 * without opening its file, and the conjuncts that mention no partition column go to the file
 * reader. Conjuncts on partition columns must not reach it: the file lacks those columns, reads
 * them as nulls, and would wrongly skip everything.
 */
public final class CombinedSplitReader implements BatchReader {
    private final FileFormat format;
    private final Configuration conf;
    private final CombinedSplit split;
    private final Schema requiredSchema;
    private final Schema fileSchema;
    private final Optional<Predicate> pushed;
    private final Optional<Predicate> filePushed;
    private int nextMember;
    private BatchReader current;
    /** Per required column: its index in the partition schema, or -1 for a column read from the files. */
    private final int[] partitionIndex;
    private final ColumnVector[] constants;
    private List<Object> memberValues;
    private int constantRows;
    private ReadMetrics finishedMetrics = ReadMetrics.EMPTY;
    private long filesOpened;

    public CombinedSplitReader(FileFormat format, Configuration conf, CombinedSplit split, Schema requiredSchema,
            Optional<Predicate> pushed) {
        this.format = format;
        this.conf = conf;
        this.split = split;
        this.requiredSchema = requiredSchema;
        this.pushed = pushed;
        List<Field> fileFields = new ArrayList<>();
        this.partitionIndex = new int[requiredSchema.size()];
        this.constants = new ColumnVector[requiredSchema.size()];
        for (int i = 0; i < requiredSchema.size(); i++) {
            Field field = requiredSchema.field(i);
            partitionIndex[i] = split.partitionSchema().findIndex(field.name()).orElse(-1);
            if (partitionIndex[i] < 0) {
                fileFields.add(field);
            }
        }
        this.fileSchema = new Schema(fileFields);
        this.filePushed = pushed.flatMap(filter -> withoutPartitionColumns(filter, split.partitionSchema()));
    }

    @Override
    public Schema schema() {
        return requiredSchema;
    }

    @Override
    public ColumnBatch next() throws IOException {
        while (true) {
            if (current == null && !openNextMember()) {
                return null;
            }
            ColumnBatch batch = current.next();
            if (batch != null) {
                return withPartitionColumns(batch);
            }
            finishedMetrics = finishedMetrics.plus(current.metrics());
            current.close();
            current = null;
        }
    }

    @Override
    public ReadMetrics metrics() {
        ReadMetrics total = current == null ? finishedMetrics : finishedMetrics.plus(current.metrics());
        return total.withFilesOpened(filesOpened);
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private boolean openNextMember() throws IOException {
        while (nextMember < split.members().size()) {
            CombinedSplit.Member member = split.members().get(nextMember++);
            if (pushed.isPresent() && !PartitionPruner.mightMatch(pushed.get(), split.partitionSchema(),
                    member.partitionValues())) {
                continue;
            }
            current = format.open(conf, member.split(), fileSchema, filePushed);
            filesOpened++;
            memberValues = member.partitionValues();
            constantRows = 0;
            return true;
        }
        return false;
    }

    private ColumnBatch withPartitionColumns(ColumnBatch batch) {
        if (batch.rowCount() > constantRows) {
            fillConstants(batch.rowCount());
        }
        ColumnVector[] vectors = new ColumnVector[requiredSchema.size()];
        int fileColumn = 0;
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = partitionIndex[i] >= 0 ? constants[i] : batch.column(fileColumn++);
        }
        return new ColumnBatch(requiredSchema, vectors, batch.rowCount());
    }

    /** The partition values repeated for {@code rows} rows; reused by later batches as the values never change. */
    private void fillConstants(int rows) {
        for (int i = 0; i < constants.length; i++) {
            if (partitionIndex[i] < 0) {
                continue;
            }
            Object value = memberValues.get(partitionIndex[i]);
            ColumnVector vector = ColumnVector.allocate(requiredSchema.field(i).type(), rows);
            for (int row = 0; row < rows; row++) {
                vector.set(row, value);
            }
            constants[i] = vector;
        }
        constantRows = rows;
    }

    /** The top-level conjuncts that read no partition column, if any. */
    static Optional<Predicate> withoutPartitionColumns(Predicate filter, Schema partitionSchema) {
        if (filter instanceof And and) {
            Optional<Predicate> left = withoutPartitionColumns(and.left(), partitionSchema);
            Optional<Predicate> right = withoutPartitionColumns(and.right(), partitionSchema);
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(new And(left.get(), right.get()));
            }
            return left.isPresent() ? left : right;
        }
        boolean readsPartitionColumn = filter.columns().stream().anyMatch(partitionSchema::contains);
        return readsPartitionColumn ? Optional.empty() : Optional.of(filter);
    }
}
