package io.spindle.formats.csv;

import io.spindle.formats.text.MalformedPolicy;
import io.spindle.formats.types.Schema;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How CSV files are read and written. Defaults follow Spark where it has one: no header, comma,
 * double quote, empty string as null, ISO dates and timestamps, schema inferred from the first
 * 1000 records, FAILFAST (Spark's default is PERMISSIVE, which Spindle does not offer: it silently
 * nulls bad values), UTF-8, one record per line. The escape character defaults to the quote itself
 * (RFC 4180 doubled quotes, what DuckDB and most tools write) where Spark uses a backslash.
 *
 * @param header whether the first line of each file names the columns (and is not data)
 * @param nullValue the unquoted text that reads as null, and that nulls are written as
 * @param schema the columns in file order; when empty, {@code inferSampleRecords} records are sampled
 * @param multiLine whether quoted fields may span lines; then files are not split (a split
 *     boundary cannot be told apart from a newline inside quotes)
 * @param charset an ASCII-compatible charset (UTF-8, ISO-8859-1, windows-1252, ...)
 */
public record CsvOptions(boolean header, char delimiter, char quote, char escape, String nullValue,
        Optional<String> dateFormat, Optional<String> timestampFormat, Optional<Schema> schema, int inferSampleRecords,
        MalformedPolicy malformed, String charset, boolean multiLine) implements Serializable {

    public CsvOptions {
        Objects.requireNonNull(nullValue, "nullValue");
        Objects.requireNonNull(malformed, "malformed");
        for (char c : new char[] {delimiter, quote, escape}) {
            if (c >= 0x80 || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("CSV delimiter, quote and escape must be ASCII and not a line break, got '"
                        + c + "'");
            }
        }
        if (delimiter == quote) {
            throw new IllegalArgumentException("CSV delimiter and quote must differ");
        }
        if (inferSampleRecords < 1) {
            throw new IllegalArgumentException("inferSampleRecords must be positive, got " + inferSampleRecords);
        }
        Charset resolved = Charset.forName(charset);
        if (!resolved.equals(StandardCharsets.UTF_8) && resolved.newEncoder().maxBytesPerChar() != 1.0f) {
            throw new IllegalArgumentException("CSV charset must be UTF-8 or a single-byte charset, got " + charset);
        }
        dateFormat.ifPresent(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        timestampFormat.ifPresent(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    public static CsvOptions defaults() {
        return new CsvOptions(false, ',', '"', '"', "", Optional.empty(), Optional.empty(), Optional.empty(), 1000,
                MalformedPolicy.failFast(), "UTF-8", false);
    }

    public CsvOptions withHeader(boolean value) {
        return new CsvOptions(value, delimiter, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withDelimiter(char value) {
        return new CsvOptions(header, value, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withQuoteAndEscape(char quoteChar, char escapeChar) {
        return new CsvOptions(header, delimiter, quoteChar, escapeChar, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withNullValue(String value) {
        return new CsvOptions(header, delimiter, quote, escape, value, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withDateFormats(Optional<String> date, Optional<String> timestamp) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, date, timestamp, schema,
                inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withSchema(Schema value) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, dateFormat, timestampFormat,
                Optional.of(value), inferSampleRecords, malformed, charset, multiLine);
    }

    public CsvOptions withInferSampleRecords(int value) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                value, malformed, charset, multiLine);
    }

    public CsvOptions withMalformed(MalformedPolicy value) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, value, charset, multiLine);
    }

    public CsvOptions withCharset(String value) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, value, multiLine);
    }

    public CsvOptions withMultiLine(boolean value) {
        return new CsvOptions(header, delimiter, quote, escape, nullValue, dateFormat, timestampFormat, schema,
                inferSampleRecords, malformed, charset, value);
    }

    Optional<DateTimeFormatter> dateFormatter() {
        return dateFormat.map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    Optional<DateTimeFormatter> timestampFormatter() {
        return timestampFormat.map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    Charset resolvedCharset() {
        return Charset.forName(charset);
    }
}
