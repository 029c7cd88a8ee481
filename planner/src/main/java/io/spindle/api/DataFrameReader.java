package io.spindle.api;

import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.FormatSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code session.read()}: files as a Dataset, shaped like Spark's reader.
 *
 * <pre>{@code
 * session.read().format("csv").option("header", "true").option("inferSchema", "true").load("/in/orders");
 * session.read().parquet("/warehouse/events");               // key=value directories become columns
 * }</pre>
 *
 * <p>Formats: parquet (the default), orc, csv, json (one object per line), text (one string
 * column {@code value}). Options are case-insensitive; an option the format does not know is an
 * error (see {@code FormatOptions}). CSV and JSON: {@code mode} FAILFAST (the default: the error
 * names file, line and column) or DROPMALFORMED, or {@code quarantinePath} to keep bad records
 * there; the number of malformed records is in {@link Session#lastScanMetrics()}.
 *
 * <p>Partitions and schema: see {@link FileSourceResolver}.
 */
public final class DataFrameReader {
    private final Session session;
    private String format = "parquet";
    private final Map<String, String> options = new LinkedHashMap<>();
    private Schema schema;

    DataFrameReader(Session session) {
        this.session = session;
    }

    public DataFrameReader format(String name) {
        this.format = Objects.requireNonNull(name, "format");
        return this;
    }

    public DataFrameReader option(String key, String value) {
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataFrameReader option(String key, double value) {
        return option(key, Double.toString(value));
    }

    public DataFrameReader options(Map<String, String> values) {
        values.forEach(this::option);
        return this;
    }

    /**
     * The columns to read, skipping inference. Columns named like {@code key=value} directories are
     * the partition columns, typed as given here; the others are read from the files by name (CSV
     * without a header: by position).
     */
    public DataFrameReader schema(Schema value) {
        this.schema = Objects.requireNonNull(value, "schema");
        return this;
    }

    public Dataset load(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("load() needs at least one path");
        }
        FormatSpec spec = new FormatSpec(format, options, null);
        return new Dataset(session, new FileSourceResolver(session.hadoopConf()).resolve(spec,
                java.util.Optional.ofNullable(schema), List.of(paths)));
    }

    public Dataset parquet(String... paths) {
        return format("parquet").load(paths);
    }

    public Dataset orc(String... paths) {
        return format("orc").load(paths);
    }

    public Dataset csv(String... paths) {
        return format("csv").load(paths);
    }

    public Dataset json(String... paths) {
        return format("json").load(paths);
    }

    public Dataset text(String... paths) {
        return format("text").load(paths);
    }
}
