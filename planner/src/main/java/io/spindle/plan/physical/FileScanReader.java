package io.spindle.plan.physical;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileFormat;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.split.CombinedSplitReader;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.stage.TaskScanMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The executor's reader of a {@link FileScanExec}: its combined splits one after the other, each
 * adding its partition values as columns. On close it reports what it read to the running task
 * ({@link TaskScanMetrics}), which sends the totals to the driver with its result.
 */
public final class FileScanReader implements BatchReader {
    private final FileScanExec scan;
    private final FileFormat format;
    private final Configuration conf;
    private final Iterator<CombinedSplit> splits;
    /** The columns the files are read with: the required ones, plus for CSV and JSON every data column. */
    private final Schema readSchema;
    /** Per required column, its index in {@link #readSchema}; null when they are the same. */
    private final int[] projection;
    private CombinedSplitReader current;
    private ReadMetrics finished = ReadMetrics.EMPTY;
    private boolean closed;

    public FileScanReader(FileScanExec scan, Configuration conf, int batchRows) {
        this.scan = scan;
        this.format = FileFormats.create(scan.format(), batchRows);
        this.conf = conf;
        this.splits = scan.splits().iterator();
        this.readSchema = readSchema(scan);
        this.projection = readSchema.equals(scan.requiredSchema()) ? null
                : scan.requiredSchema().names().stream().mapToInt(readSchema::indexOf).toArray();
    }

    /**
     * CSV and JSON records are checked for malformed fields only in the columns read; reading all
     * of them keeps the malformed-record policy (and count) independent of the query's projection,
     * so {@code count()} drops or fails on the same records {@code collect()} does.
     */
    private static Schema readSchema(FileScanExec scan) {
        Schema data = scan.format().dataSchema();
        String name = scan.format().name();
        if (data == null || !(name.equals("csv") || name.equals("json"))) {
            return scan.requiredSchema();
        }
        List<Field> fields = new ArrayList<>(scan.requiredSchema().fields());
        for (Field field : data.fields()) {
            if (!scan.requiredSchema().contains(field.name())) {
                fields.add(field);
            }
        }
        return new Schema(fields);
    }

    @Override
    public Schema schema() {
        return scan.requiredSchema();
    }

    @Override
    public ColumnBatch next() throws IOException {
        while (true) {
            if (current == null) {
                if (!splits.hasNext()) {
                    return null;
                }
                current = new CombinedSplitReader(format, conf, splits.next(), readSchema,
                        Optional.ofNullable(scan.pushedPredicate()));
            }
            ColumnBatch batch = current.next();
            if (batch != null) {
                return projection == null ? batch : project(batch);
            }
            finished = finished.plus(current.metrics());
            current.close();
            current = null;
        }
    }

    private ColumnBatch project(ColumnBatch batch) {
        ColumnVector[] vectors = new ColumnVector[projection.length];
        for (int i = 0; i < projection.length; i++) {
            vectors[i] = batch.column(projection[i]);
        }
        return new ColumnBatch(scan.requiredSchema(), vectors, batch.rowCount());
    }

    @Override
    public ReadMetrics metrics() {
        return current == null ? finished : finished.plus(current.metrics());
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ReadMetrics total = metrics();
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            TaskScanMetrics.add(total);
        }
    }
}
