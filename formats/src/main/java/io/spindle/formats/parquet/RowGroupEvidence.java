package io.spindle.formats.parquet;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.predicate.ColumnEvidence;
import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;

/**
 * Statistics and dictionaries of one row group, for deciding whether to skip it. Dictionaries
 * are read only when asked for, i.e. only when statistics could not decide.
 */
final class RowGroupEvidence implements ColumnEvidence {
    private static final Set<Encoding> LEVEL_ENCODINGS = Set.of(Encoding.RLE, Encoding.BIT_PACKED);

    private final ParquetFileReader reader;
    private final BlockMetaData block;
    private final Map<String, ParquetColumn> columnsByLowerName;
    private final Map<String, DataType> missingColumnTypes;
    private final ValueConverter converter = new ValueConverter();
    private long dictionaryBytesRead;

    /**
     * @param columns predicate columns found in the file; {@code missingColumnTypes} holds those it
     *     lacks, which read as all null
     */
    RowGroupEvidence(ParquetFileReader reader, BlockMetaData block, Map<String, ParquetColumn> columns,
            Map<String, DataType> missingColumnTypes) {
        this.reader = reader;
        this.block = block;
        this.columnsByLowerName = columns;
        this.missingColumnTypes = missingColumnTypes;
    }

    static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    long dictionaryBytesRead() {
        return dictionaryBytesRead;
    }

    @Override
    public ColumnStatistics statistics(String column) {
        ParquetColumn resolved = columnsByLowerName.get(key(column));
        if (resolved == null) {
            DataType type = missingColumnTypes.get(key(column));
            return type == null ? ColumnStatistics.unknown(DataType.BINARY, block.getRowCount())
                    : ColumnStatistics.allNull(type, block.getRowCount());
        }
        return ParquetStatistics.of(resolved, chunk(resolved), block.getRowCount());
    }

    @Override
    public Optional<List<Object>> distinctValues(String column) {
        ParquetColumn resolved = columnsByLowerName.get(key(column));
        if (resolved == null) {
            return Optional.empty();
        }
        ColumnChunkMetaData chunk = chunk(resolved);
        if (!isFullyDictionaryEncoded(chunk)) {
            return Optional.empty();
        }
        // Closed after the entries are decoded (copied): its page buffers go back to the allocator.
        try (DictionaryPageReadStore dictionaries = reader.getDictionaryReader(block)) {
            DictionaryPage page = dictionaries.readDictionaryPage(resolved.descriptor());
            if (page == null) {
                return Optional.empty();
            }
            dictionaryBytesRead += chunk.getFirstDataPageOffset() - chunk.getDictionaryPageOffset();
            ColumnVector entries = ColumnChunkReader.decodeDictionary(resolved, page, converter);
            List<Object> values = new ArrayList<>(page.getDictionarySize());
            for (int i = 0; i < page.getDictionarySize(); i++) {
                values.add(entries.get(i));
            }
            return Optional.of(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether every data page of the chunk is dictionary-encoded, so the dictionary holds every
     * value. Prefers the page encoding statistics; without them, trusts only a chunk whose
     * encodings are the dictionary ones plus level encodings (a PLAIN fallback page would list PLAIN).
     */
    static boolean isFullyDictionaryEncoded(ColumnChunkMetaData chunk) {
        EncodingStats stats = chunk.getEncodingStats();
        if (stats != null) {
            return stats.hasDictionaryPages() && stats.hasDictionaryEncodedPages() && !stats.hasNonDictionaryEncodedPages();
        }
        Set<Encoding> encodings = chunk.getEncodings();
        boolean dictionary = encodings.contains(Encoding.PLAIN_DICTIONARY) || encodings.contains(Encoding.RLE_DICTIONARY);
        for (Encoding encoding : encodings) {
            if (!encoding.usesDictionary() && !LEVEL_ENCODINGS.contains(encoding)) {
                return false;
            }
        }
        return dictionary;
    }

    private ColumnChunkMetaData chunk(ParquetColumn column) {
        ColumnPath path = ColumnPath.get(column.descriptor().getPath());
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().equals(path)) {
                return chunk;
            }
        }
        throw new IllegalStateException("row group has no chunk for column " + path);
    }
}
