package io.spindle.formats.json;

import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.text.RecordBuffer;
import io.spindle.formats.text.SplitInput;
import io.spindle.formats.text.TextValues;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The columns of a JSON-lines file without an explicit schema, from its first lines, as Spark
 * infers them: fields sorted by name; integers are long (decimal(38,0) beyond long), other numbers
 * double, booleans boolean, strings string (no date or timestamp guessing, Spark's default), and
 * nested objects and arrays string (read as raw JSON, since Spindle has no nested types). A field
 * with mixed kinds is string, except long with double (double). A field seen only as null is string.
 * Names that differ only in case are one column, named as first seen. Invalid lines are skipped.
 */
final class JsonSchemaInference {
    private JsonSchemaInference() {}

    static Schema infer(Configuration conf, Path file, JsonOptions options) throws IOException {
        long length = file.getFileSystem(conf).getFileStatus(file).getLen();
        Map<String, String> names = new TreeMap<>();
        Map<String, DataType> types = new TreeMap<>();
        JsonLineParser parser = new JsonLineParser(List.of(), (key, kind, line, start, end) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            names.putIfAbsent(lower, key);
            DataType type = typeOf(kind, line, start, end);
            if (type != null) {
                types.merge(lower, type, JsonSchemaInference::merge);
            }
        });
        try (SplitInput input = SplitInput.open(conf, FileSplit.wholeFile(file, length))) {
            RecordBuffer line = new RecordBuffer();
            for (int lines = 0; lines < options.inferSampleLines() && input.readLine(line); ) {
                if (line.toString().isBlank()) {
                    continue;
                }
                lines++;
                try {
                    parser.parse(line.bytes(), line.length());
                } catch (JsonLineParser.SyntaxError e) {
                    // A bad line says nothing about types; reading will apply the malformed policy to it.
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        List<String> sorted = new ArrayList<>(names.values());
        sorted.sort(null);
        for (String name : sorted) {
            DataType type = types.get(name.toLowerCase(Locale.ROOT));
            fields.add(Field.of(name, type == null ? DataType.STRING : type));
        }
        try {
            return new Schema(fields);
        } catch (IllegalArgumentException e) {
            throw new FormatException(file.toString(), "cannot infer a schema: " + e.getMessage());
        }
    }

    /** null stands for "only nulls so far". */
    private static DataType typeOf(JsonValueKind kind, byte[] line, int start, int end) {
        switch (kind) {
            case NULL:
            case MISSING:
                return null;
            case TRUE:
            case FALSE:
                return DataType.BOOLEAN;
            case NUMBER:
                String text = new String(line, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
                if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                    return DataType.DOUBLE;
                }
                try {
                    TextValues.parseLong(line, start, end - start);
                    return DataType.LONG;
                } catch (IllegalArgumentException e) {
                    return text.replace("-", "").length() <= 38 ? DataType.decimal(38, 0) : DataType.DOUBLE;
                }
            default:
                return DataType.STRING;
        }
    }

    private static DataType merge(DataType a, DataType b) {
        if (a == null || a.equals(b)) {
            return b == null ? a : b;
        }
        if (b == null) {
            return a;
        }
        boolean aNumber = a == DataType.LONG || a == DataType.DOUBLE || a.kind() == io.spindle.formats.types.TypeKind.DECIMAL;
        boolean bNumber = b == DataType.LONG || b == DataType.DOUBLE || b.kind() == io.spindle.formats.types.TypeKind.DECIMAL;
        if (aNumber && bNumber) {
            return a == DataType.DOUBLE || b == DataType.DOUBLE ? DataType.DOUBLE : DataType.decimal(38, 0);
        }
        return DataType.STRING;
    }
}
