package io.spindle.formats.parquet;

import io.spindle.formats.types.Field;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * A required column resolved against one file: the file's column and how to convert it, or
 * {@code descriptor == null} when the file lacks the column and it reads as nulls.
 */
record ParquetColumn(Field field, ColumnDescriptor descriptor, Conversion conversion) {
    static ParquetColumn missing(Field field) {
        return new ParquetColumn(field, null, null);
    }

    boolean isMissing() {
        return descriptor == null;
    }

    /** The column's name in the file, which may differ in case from the required field's. */
    String fileName() {
        return descriptor.getPath()[0];
    }
}
