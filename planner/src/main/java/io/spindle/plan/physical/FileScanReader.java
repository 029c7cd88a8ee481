package io.spindle.plan.physical;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileFormat;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.split.CombinedSplitReader;
import io.spindle.formats.types.Schema;
import io.spindle.plan.stage.TaskScanMetrics;
import java.io.IOException;
import java.util.Iterator;
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
    private CombinedSplitReader current;
    private ReadMetrics finished = ReadMetrics.EMPTY;
    private boolean closed;

    public FileScanReader(FileScanExec scan, Configuration conf, int batchRows) {
        this.scan = scan;
        this.format = FileFormats.create(scan.format(), batchRows);
        this.conf = conf;
        this.splits = scan.splits().iterator();
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
                current = new CombinedSplitReader(format, conf, splits.next(), scan.requiredSchema(),
                        Optional.ofNullable(scan.pushedPredicate()));
            }
            ColumnBatch batch = current.next();
            if (batch != null) {
                return batch;
            }
            finished = finished.plus(current.metrics());
            current.close();
            current = null;
        }
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
