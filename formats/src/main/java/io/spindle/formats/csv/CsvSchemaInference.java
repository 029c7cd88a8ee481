package io.spindle.formats.csv;

import io.spindle.formats.FileSplit;
import io.spindle.formats.text.SplitInput;
import io.spindle.formats.text.TextValues;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Column names and types of a CSV file without an explicit schema. Names come from the header
 * (blank names become {@code _c<i>}, repeated names get their position appended, as Spark does)
 * or are {@code _c0, _c1, ...}. Types are inferred from the first records, each column taking the
 * narrowest type every non-null value fits, in Spark's order: int, then long, then decimal(p,0)
 * for integers beyond long, then double; boolean; date, then timestamp; anything else, or a mix,
 * is string. A column with only nulls is a string.
 */
final class CsvSchemaInference {
    private CsvSchemaInference() {}

    static Schema infer(Configuration conf, Path file, CsvOptions options) throws IOException {
        long length = file.getFileSystem(conf).getFileStatus(file).getLen();
        Charset charset = options.resolvedCharset();
        try (SplitInput input = SplitInput.open(conf, FileSplit.wholeFile(file, length))) {
            CsvTokenizer tokenizer = new CsvTokenizer(input, options);
            List<String> names = null;
            if (options.header()) {
                names = tokenizer.next() ? headerNames(tokenizer, charset) : List.of();
            }
            List<InferredType> types = new ArrayList<>();
            for (int records = 0; records < options.inferSampleRecords() && tokenizer.next(); records++) {
                for (int i = 0; i < tokenizer.fieldCount(); i++) {
                    InferredType type = InferredType.of(tokenizer, i, options);
                    if (i == types.size()) {
                        types.add(type);
                    } else {
                        types.set(i, types.get(i).merge(type));
                    }
                }
            }
            if (names == null) {
                names = positionalNames(types.size());
            }
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                DataType type = i < types.size() ? types.get(i).toDataType() : DataType.STRING;
                fields.add(Field.of(names.get(i), type));
            }
            return new Schema(fields);
        }
    }

    /** Names of the file's columns from its first record, for reading without a schema. */
    static List<String> firstRecordNames(Configuration conf, Path file, CsvOptions options) throws IOException {
        long length = file.getFileSystem(conf).getFileStatus(file).getLen();
        try (SplitInput input = SplitInput.open(conf, FileSplit.wholeFile(file, length))) {
            CsvTokenizer tokenizer = new CsvTokenizer(input, options);
            if (!tokenizer.next()) {
                return List.of();
            }
            return options.header() ? headerNames(tokenizer, options.resolvedCharset())
                    : positionalNames(tokenizer.fieldCount());
        }
    }

    static List<String> headerNames(CsvTokenizer tokenizer, Charset charset) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokenizer.fieldCount(); i++) {
            String name = new String(tokenizer.values(), tokenizer.start(i), tokenizer.end(i) - tokenizer.start(i), charset)
                    .trim();
            if (name.isEmpty()) {
                name = "_c" + i;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                name = name + i;
                seen.add(name.toLowerCase(Locale.ROOT));
            }
            names.add(name);
        }
        return names;
    }

    /** A schema of string columns with these names: enough to find columns by name. */
    static Schema namesOnly(List<String> names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(Field.of(name, DataType.STRING));
        }
        return new Schema(fields);
    }

    private static List<String> positionalNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("_c" + i);
        }
        return names;
    }

    /** The inference lattice; {@link #merge} is its join. */
    private enum InferredType {
        NULL, INT, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, TIMESTAMP, STRING;

        static InferredType of(CsvTokenizer tokenizer, int field, CsvOptions options) {
            byte[] bytes = tokenizer.values();
            int start = tokenizer.start(field);
            int length = tokenizer.end(field) - start;
            String text = new String(bytes, start, length, StandardCharsets.UTF_8);
            if (length == 0 || (!tokenizer.quoted(field) && text.equals(options.nullValue()))) {
                return NULL;
            }
            if (succeeds(() -> TextValues.parseInt(bytes, start, length))) {
                return INT;
            }
            if (succeeds(() -> TextValues.parseLong(bytes, start, length))) {
                return LONG;
            }
            if (text.matches("[+-]?[0-9]{1,38}")) {
                return DECIMAL;
            }
            if (succeeds(() -> TextValues.parseDouble(bytes, start, length))) {
                return DOUBLE;
            }
            if (succeeds(() -> TextValues.parseBoolean(bytes, start, length))) {
                return BOOLEAN;
            }
            if (succeeds(() -> TextValues.parseDate(bytes, start, length, options.dateFormatter()))) {
                return DATE;
            }
            if (succeeds(() -> TextValues.parseTimestamp(bytes, start, length, options.timestampFormatter()))) {
                return TIMESTAMP;
            }
            return STRING;
        }

        private static boolean succeeds(Runnable parse) {
            try {
                parse.run();
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        InferredType merge(InferredType other) {
            if (this == other || other == NULL) {
                return this;
            }
            if (this == NULL) {
                return other;
            }
            boolean numeric = ordinal() <= DOUBLE.ordinal() && other.ordinal() <= DOUBLE.ordinal();
            boolean temporal = (this == DATE || this == TIMESTAMP) && (other == DATE || other == TIMESTAMP);
            return numeric || temporal ? values()[Math.max(ordinal(), other.ordinal())] : STRING;
        }

        DataType toDataType() {
            switch (this) {
                case INT: return DataType.INT;
                case LONG: return DataType.LONG;
                case DECIMAL: return DataType.decimal(38, 0);
                case DOUBLE: return DataType.DOUBLE;
                case BOOLEAN: return DataType.BOOLEAN;
                case DATE: return DataType.DATE;
                case TIMESTAMP: return DataType.TIMESTAMP;
                default: return DataType.STRING;
            }
        }
    }
}
