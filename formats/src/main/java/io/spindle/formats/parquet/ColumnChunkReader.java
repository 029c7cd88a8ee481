package io.spindle.formats.parquet;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import java.io.IOException;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;

/**
 * Decodes one column chunk (one column of one row group) into vectors, batch after batch. Only
 * flat columns reach here, so there are no repetition levels and a definition level below the
 * maximum means null.
 */
final class ColumnChunkReader {
    private final ParquetColumn column;
    private final ColumnDescriptor descriptor;
    private final PageReader pages;
    private final ValueConverter converter;
    private final int maxDefinitionLevel;
    private final ColumnVector dictionary;

    private int remainingInPage;
    private RleBitPackedDecoder definitionLevels;
    private RleBitPackedDecoder dictionaryIds;
    private PageValues values;
    private int[] scratch = new int[0];
    /** Row of the row group the next value belongs to: flat columns have one value per row. */
    private long nextRow;
    private ColumnVector skipped;

    ColumnChunkReader(ParquetColumn column, PageReader pages, ValueConverter converter) throws IOException {
        this.column = column;
        this.descriptor = column.descriptor();
        this.pages = pages;
        this.converter = converter;
        this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        this.dictionary = dictionaryPage == null ? null : decodeDictionary(column, dictionaryPage, converter);
    }

    /** The entries of a dictionary page, converted to the column's Spindle type. */
    static ColumnVector decodeDictionary(ParquetColumn column, DictionaryPage page, ValueConverter converter)
            throws IOException {
        PageBytes bytes = PageBytes.of(page.getBytes());
        int size = page.getDictionarySize();
        ColumnVector entries = ColumnVector.allocate(column.field().type(), size);
        ColumnDescriptor descriptor = column.descriptor();
        PlainValues plain = new PlainValues(bytes.array(), bytes.offset(), bytes.length(),
                descriptor.getPrimitiveType().getPrimitiveTypeName(), descriptor.getPrimitiveType().getTypeLength());
        converter.read(column.conversion(), plain, entries, 0, size);
        return entries;
    }

    /** Fills rows [0, count) of the vector, which the caller has reset. */
    void read(ColumnVector vector, int count) throws IOException {
        int filled = 0;
        while (filled < count) {
            if (remainingInPage == 0) {
                nextPage();
            }
            int n = Math.min(count - filled, remainingInPage);
            readFromPage(vector, filled, n);
            filled += n;
            remainingInPage -= n;
            nextRow += n;
        }
    }

    /**
     * Moves to {@code row} of the row group. With page skipping the page reader returns only the
     * pages overlapping the selected row ranges, each knowing its first row, so a jump over
     * missing pages happens when the next page starts; rows before {@code row} inside a page that
     * is read are decoded into a scratch vector and dropped.
     */
    void skipTo(long row) throws IOException {
        while (nextRow < row) {
            if (remainingInPage == 0) {
                nextPage();
                continue;
            }
            int n = (int) Math.min(Math.min(row - nextRow, remainingInPage), SKIP_CHUNK);
            if (skipped == null) {
                skipped = ColumnVector.allocate(column.field().type(), SKIP_CHUNK);
            }
            skipped.reset();
            readFromPage(skipped, 0, n);
            remainingInPage -= n;
            nextRow += n;
        }
    }

    private static final int SKIP_CHUNK = 1024;

    private void readFromPage(ColumnVector vector, int offset, int count) {
        if (definitionLevels == null) {
            readValues(vector, offset, count);
            return;
        }
        boolean[] nulls = vector.nulls();
        int nonNull = definitionLevels.readNulls(nulls, offset, count, maxDefinitionLevel, scratch(count));
        if (nonNull == count) {
            readValues(vector, offset, count);
            return;
        }
        // Alternate runs of nulls and values, so values are still read a run at a time.
        int end = offset + count;
        int row = offset;
        while (row < end) {
            int start = row;
            boolean isNull = nulls[row];
            while (row < end && nulls[row] == isNull) {
                row++;
            }
            if (isNull) {
                vector.setNulls(start, row);
            } else {
                readValues(vector, start, row - start);
            }
        }
    }

    private void readValues(ColumnVector vector, int offset, int count) {
        if (dictionaryIds != null) {
            int[] ids = scratch(count);
            dictionaryIds.read(ids, 0, count);
            // Strings stay dictionary ids until read: a filter on them tests each entry once. Ids
            // that name no entry (a corrupt page) go to the copy, which reports them.
            if (!(vector instanceof BytesVector bytes && dictionary instanceof BytesVector entries
                    && BytesVector.idsWithin(ids, count, 0, entries.rowsWritten())
                    && bytes.setDictionaryIds(offset, entries, ids, count))) {
                DictionaryLookup.copy(dictionary, ids, vector, offset, count);
            }
        } else {
            converter.read(column.conversion(), values, vector, offset, count);
        }
    }

    private void nextPage() throws IOException {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IllegalStateException("column chunk has fewer values than the row group has rows");
        }
        if (page.getFirstRowIndex().isPresent()) {
            nextRow = page.getFirstRowIndex().get();
        }
        if (page instanceof DataPageV1 v1) {
            startPageV1(v1);
        } else {
            startPageV2((DataPageV2) page);
        }
        if (remainingInPage <= 0) {
            // An empty page cannot advance the reader; reading on would loop forever.
            throw new IllegalStateException("data page with " + remainingInPage + " values");
        }
    }

    private void startPageV1(DataPageV1 page) throws IOException {
        PageBytes bytes = PageBytes.of(page.getBytes());
        int position = bytes.offset();
        definitionLevels = null;
        if (maxDefinitionLevel > 0) {
            if (page.getDlEncoding() != Encoding.RLE) {
                throw new IllegalStateException("unsupported definition level encoding " + page.getDlEncoding());
            }
            int length = bytes.intAt(position);
            if (length < 0 || position + 4 + length > bytes.offset() + bytes.length()) {
                throw new IllegalStateException("definition levels of " + length + " bytes overrun the page");
            }
            definitionLevels = new RleBitPackedDecoder(bytes.array(), position + 4, length, bitWidth(maxDefinitionLevel));
            position += 4 + length;
        }
        remainingInPage = page.getValueCount();
        startValues(page.getValueEncoding(), bytes, position - bytes.offset(), page.getValueCount());
    }

    private void startPageV2(DataPageV2 page) throws IOException {
        definitionLevels = null;
        if (maxDefinitionLevel > 0) {
            PageBytes levels = PageBytes.of(page.getDefinitionLevels());
            definitionLevels = new RleBitPackedDecoder(levels.array(), levels.offset(), levels.length(),
                    bitWidth(maxDefinitionLevel));
        }
        remainingInPage = page.getValueCount();
        startValues(page.getDataEncoding(), PageBytes.of(page.getData()), 0, page.getValueCount());
    }

    private void startValues(Encoding encoding, PageBytes bytes, int skip, int valueCount) throws IOException {
        int start = bytes.offset() + skip;
        int length = bytes.length() - skip;
        dictionaryIds = null;
        values = null;
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new IllegalStateException("dictionary-encoded page but the column chunk has no dictionary");
            }
            int width = length == 0 ? 0 : bytes.array()[start] & 0xFF;
            dictionaryIds = new RleBitPackedDecoder(bytes.array(), start + 1, Math.max(0, length - 1), width);
        } else if (encoding == Encoding.PLAIN) {
            values = new PlainValues(bytes.array(), start, length,
                    descriptor.getPrimitiveType().getPrimitiveTypeName(), descriptor.getPrimitiveType().getTypeLength());
        } else if (encoding == Encoding.RLE) {
            values = new RleBooleanValues(bytes.array(), start, length);
        } else {
            ValuesReader reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
            reader.initFromPage(valueCount, ByteBufferInputStream.wrap(bytes.slice(skip)));
            values = new FallbackValues(reader);
        }
    }

    private int[] scratch(int count) {
        if (scratch.length < count) {
            scratch = new int[Math.max(count, 1024)];
        }
        return scratch;
    }

    private static int bitWidth(int maxLevel) {
        return 32 - Integer.numberOfLeadingZeros(maxLevel);
    }
}
