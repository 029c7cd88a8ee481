package io.spindle.formats.orc;

import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.ReadMetrics;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;

/**
 * What an ORC read of one split has done, derived from the row numbers of the batches returned.
 * ORC's record reader hides what its search argument skipped, but every batch it returns lies in
 * one stripe and covers consecutive rows whose file row numbers {@code RecordReader.getRowNumber()}
 * gives; the stripes and row groups (index strides) they fall in are exactly those decoded.
 *
 * <p>Bytes read are an estimate: per stripe read, its index, footer and the projected columns'
 * share of its data, with the shares taken from the file's per-column on-disk sizes.
 */
final class OrcReadProgress {
    private final String path;
    private final List<StripeInformation> stripes = new ArrayList<>();
    private final List<Integer> stripeOrdinals = new ArrayList<>();
    private final long[] firstRows;
    private final int[] firstGroups;
    private final long stride;
    private final double projectedShare;
    private final int projectedColumns;
    private final BitSet stripesRead = new BitSet();
    private final BitSet groupsRead = new BitSet();
    private long rowsRead;

    OrcReadProgress(Reader reader, FileSplit split, int[] projectedIds, String path) {
        this.path = path;
        this.stride = reader.getRowIndexStride() > 0 ? reader.getRowIndexStride() : Long.MAX_VALUE;
        long row = 0;
        List<Long> firsts = new ArrayList<>();
        int ordinal = 0;
        for (StripeInformation stripe : reader.getStripes()) {
            if (stripe.getOffset() >= split.start() && stripe.getOffset() < split.end()) {
                stripes.add(stripe);
                stripeOrdinals.add(ordinal);
                firsts.add(row);
            }
            row += stripe.getNumberOfRows();
            ordinal++;
        }
        this.firstRows = firsts.stream().mapToLong(Long::longValue).toArray();
        this.firstGroups = new int[stripes.size() + 1];
        for (int i = 0; i < stripes.size(); i++) {
            long groups = (stripes.get(i).getNumberOfRows() + stride - 1) / stride;
            firstGroups[i + 1] = firstGroups[i] + (int) Math.max(1, groups);
        }
        this.projectedColumns = projectedIds.length;
        this.projectedShare = projectedShare(reader, projectedIds);
    }

    private static double projectedShare(Reader reader, int[] projectedIds) {
        org.apache.orc.ColumnStatistics[] statistics = reader.getStatistics();
        long total = 0;
        long projected = 0;
        for (int id = 1; id < statistics.length; id++) {
            total += statistics[id].getBytesOnDisk();
        }
        for (int id : projectedIds) {
            projected += id < statistics.length ? statistics[id].getBytesOnDisk() : 0;
        }
        return total == 0 ? 0 : (double) projected / total;
    }

    long firstStripeOffset() {
        return stripes.isEmpty() ? 0 : stripes.get(0).getOffset();
    }

    /** Records a batch of {@code size} rows that ends just before file row {@code nextRow}. */
    void batchRead(long nextRow, int size) {
        long first = nextRow - size;
        int stripe = stripeOf(first);
        if (stripe < 0) {
            return; // never happens for a well-formed reader; metrics are best effort
        }
        stripesRead.set(stripe);
        long inStripe = first - firstRows[stripe];
        long lastInStripe = Math.min(nextRow - 1 - firstRows[stripe], stripes.get(stripe).getNumberOfRows() - 1);
        groupsRead.set(firstGroups[stripe] + (int) (inStripe / stride), firstGroups[stripe] + (int) (lastInStripe / stride) + 1);
        rowsRead += size;
    }

    private int stripeOf(long row) {
        for (int i = stripes.size() - 1; i >= 0; i--) {
            if (row >= firstRows[i]) {
                return row < firstRows[i] + stripes.get(i).getNumberOfRows() ? i : -1;
            }
        }
        return -1;
    }

    /** An error while decoding, naming the stripe that holds (or follows) {@code nextRow}. */
    FormatException corrupt(long nextRow, Exception cause) {
        int stripe = stripeOf(nextRow);
        if (stripe < 0) {
            stripe = Math.max(0, stripesRead.length() - 1);
        }
        if (stripes.isEmpty()) {
            return new FormatException(path, -1, "corrupt data: " + cause.getMessage(), cause);
        }
        StripeInformation information = stripes.get(stripe);
        return new FormatException(path, information.getOffset(), "corrupt data in stripe " + stripeOrdinals.get(stripe)
                + " (" + information.getLength() + " bytes, rows " + firstRows[stripe] + " to "
                + (firstRows[stripe] + information.getNumberOfRows() - 1) + "): " + cause.getMessage(), cause);
    }

    long rowGroupsRead() {
        return groupsRead.cardinality();
    }

    long rowGroupsTotal() {
        return firstGroups[stripes.size()];
    }

    /** Stripes count as {@link ReadMetrics}' row groups: the units skippable from metadata. */
    ReadMetrics metrics() {
        long read = stripesRead.cardinality();
        long bytes = 0;
        for (int i = stripesRead.nextSetBit(0); i >= 0; i = stripesRead.nextSetBit(i + 1)) {
            StripeInformation stripe = stripes.get(i);
            bytes += stripe.getFooterLength()
                    + Math.round((stripe.getIndexLength() + stripe.getDataLength()) * projectedShare);
        }
        return new ReadMetrics(stripes.size(), read, stripes.size() - read, 0, read * projectedColumns, bytes, rowsRead);
    }
}
