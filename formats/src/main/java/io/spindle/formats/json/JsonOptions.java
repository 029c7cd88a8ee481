package io.spindle.formats.json;

import io.spindle.formats.text.MalformedPolicy;
import io.spindle.formats.types.Schema;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How JSON-lines files are read. Defaults follow Spark: ISO dates and timestamps, schema inferred
 * from the first 1000 lines; FAILFAST instead of Spark's PERMISSIVE.
 *
 * @param schema the columns to read; when empty, inferred from {@code inferSampleLines} lines
 */
public record JsonOptions(Optional<Schema> schema, int inferSampleLines, Optional<String> dateFormat,
        Optional<String> timestampFormat, MalformedPolicy malformed) implements Serializable {
    public JsonOptions {
        Objects.requireNonNull(malformed, "malformed");
        if (inferSampleLines < 1) {
            throw new IllegalArgumentException("inferSampleLines must be positive, got " + inferSampleLines);
        }
        dateFormat.ifPresent(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        timestampFormat.ifPresent(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    public static JsonOptions defaults() {
        return new JsonOptions(Optional.empty(), 1000, Optional.empty(), Optional.empty(), MalformedPolicy.failFast());
    }

    public JsonOptions withSchema(Schema value) {
        return new JsonOptions(Optional.of(value), inferSampleLines, dateFormat, timestampFormat, malformed);
    }

    public JsonOptions withInferSampleLines(int value) {
        return new JsonOptions(schema, value, dateFormat, timestampFormat, malformed);
    }

    public JsonOptions withDateFormats(Optional<String> date, Optional<String> timestamp) {
        return new JsonOptions(schema, inferSampleLines, date, timestamp, malformed);
    }

    public JsonOptions withMalformed(MalformedPolicy value) {
        return new JsonOptions(schema, inferSampleLines, dateFormat, timestampFormat, value);
    }

    Optional<DateTimeFormatter> dateFormatter() {
        return dateFormat.map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    Optional<DateTimeFormatter> timestampFormatter() {
        return timestampFormat.map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }
}
