package io.spindle.plan.physical;

import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.csv.CsvOptions;
import io.spindle.formats.json.JsonOptions;
import io.spindle.formats.text.MalformedPolicy;
import io.spindle.plan.logical.FormatSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reader and writer options each format accepts, by their Spark names, and their translation
 * into the formats module's option records. An option a format does not know is an error naming
 * the ones it does, instead of being silently ignored as Spark does.
 */
public final class FormatOptions {
    private static final Set<String> MALFORMED = Set.of("mode", "quarantinepath");
    private static final Set<String> CSV_TEXT = Set.of("header", "delimiter", "sep", "quote", "escape", "nullvalue",
            "dateformat", "timestampformat", "encoding", "charset");
    private static final Map<String, Set<String>> READ = Map.of(
            "parquet", Set.of("mergeschema"),
            "orc", Set.of("mergeschema"),
            "csv", union(CSV_TEXT, MALFORMED, Set.of("inferschema", "samplingratio", "infersamplerecords", "multiline")),
            "json", union(MALFORMED, Set.of("samplingratio", "infersamplelines", "dateformat", "timestampformat")),
            "text", Set.of());
    private static final Set<String> WRITE_COMMON = Set.of("partitionoverwritemode", "compression");
    private static final Map<String, Set<String>> WRITE = Map.of(
            "parquet", Set.of(),
            "orc", Set.of(),
            "csv", CSV_TEXT,
            "json", Set.of("dateformat", "timestampformat"),
            "text", Set.of());

    private FormatOptions() {}

    /** Fails naming the option and the accepted ones if {@code spec} has an option its format does not read. */
    public static void checkReadOptions(FormatSpec spec) {
        check(spec, requireKnown(READ, spec.name()), "read");
    }

    public static void checkWriteOptions(FormatSpec spec) {
        check(spec, union(requireKnown(WRITE, spec.name()), WRITE_COMMON, Set.of()), "write");
    }

    private static void check(FormatSpec spec, Set<String> known, String direction) {
        for (String option : spec.options().keySet()) {
            if (!known.contains(option)) {
                throw new IllegalArgumentException("Unknown " + direction + " option '" + option + "' for format "
                        + spec.name() + "; it accepts " + (known.isEmpty() ? "none" : new TreeSet<>(known)));
            }
        }
    }

    private static Set<String> requireKnown(Map<String, Set<String>> byFormat, String format) {
        Set<String> known = byFormat.get(format);
        if (known == null) {
            throw new IllegalArgumentException("Unknown file format '" + format + "'; supported: "
                    + new TreeSet<>(byFormat.keySet()));
        }
        return known;
    }

    /** CSV options from Spark-style reader/writer options; the spec's data schema, if any, fixes the columns. */
    public static CsvOptions csv(FormatSpec spec) {
        CsvOptions options = CsvOptions.defaults().withHeader(spec.booleanOption("header", false));
        Optional<String> delimiter = spec.option("delimiter").or(() -> spec.option("sep"));
        if (delimiter.isPresent()) {
            options = options.withDelimiter(singleChar("delimiter", delimiter.get()));
        }
        char quote = spec.option("quote").map(value -> singleChar("quote", value)).orElse(options.quote());
        char escape = spec.option("escape").map(value -> singleChar("escape", value)).orElse(quote);
        options = options.withQuoteAndEscape(quote, escape);
        if (spec.option("nullvalue").isPresent()) {
            options = options.withNullValue(spec.option("nullvalue").get());
        }
        options = options.withDateFormats(spec.option("dateformat"), spec.option("timestampformat"));
        Optional<String> charset = spec.option("encoding").or(() -> spec.option("charset"));
        if (charset.isPresent()) {
            options = options.withCharset(charset.get());
        }
        options = options.withMultiLine(spec.booleanOption("multiline", false));
        Optional<Integer> sample = sampleSize(spec, "inferSampleRecords");
        if (sample.isPresent()) {
            options = options.withInferSampleRecords(sample.get());
        }
        options = options.withMalformed(malformed(spec));
        return spec.dataSchema() == null ? options : options.withSchema(spec.dataSchema());
    }

    public static JsonOptions json(FormatSpec spec) {
        JsonOptions options = JsonOptions.defaults()
                .withDateFormats(spec.option("dateformat"), spec.option("timestampformat"))
                .withMalformed(malformed(spec));
        Optional<Integer> sample = sampleSize(spec, "inferSampleLines");
        if (sample.isPresent()) {
            options = options.withInferSampleLines(sample.get());
        }
        return spec.dataSchema() == null ? options : options.withSchema(spec.dataSchema());
    }

    /**
     * The malformed-record policy: {@code mode} FAILFAST (the default) or DROPMALFORMED; a
     * {@code quarantinePath} diverts bad records there (mode QUARANTINE, implied by the path).
     * Spark's PERMISSIVE is refused: it turns bad values into nulls without a trace.
     */
    public static MalformedPolicy malformed(FormatSpec spec) {
        Optional<String> quarantine = spec.option("quarantinepath");
        String mode = spec.option("mode").map(value -> value.trim().toUpperCase(Locale.ROOT))
                .orElse(quarantine.isPresent() ? "QUARANTINE" : "FAILFAST");
        switch (mode) {
            case "FAILFAST":
                return MalformedPolicy.failFast();
            case "DROPMALFORMED":
                return MalformedPolicy.dropMalformed();
            case "QUARANTINE":
                return MalformedPolicy.quarantine(quarantine.orElseThrow(() -> new IllegalArgumentException(
                        "mode QUARANTINE needs the option quarantinePath: the directory for the bad records")));
            default:
                throw new IllegalArgumentException("Unknown mode '" + spec.option("mode").get() + "' for " + spec.name()
                        + ": use FAILFAST (the default), DROPMALFORMED, or set quarantinePath to keep the bad "
                        + "records (Spindle has no PERMISSIVE mode, which silently nulls bad values)");
        }
    }

    /**
     * Records sampled for schema inference: the explicit option, or {@code samplingRatio} 1.0
     * meaning every record. Spindle samples the first records of each file, so other ratios are
     * refused rather than silently approximated.
     */
    private static Optional<Integer> sampleSize(FormatSpec spec, String explicitOption) {
        Optional<String> explicit = spec.option(explicitOption);
        if (explicit.isPresent()) {
            return Optional.of(Integer.parseInt(explicit.get().trim()));
        }
        Optional<String> ratio = spec.option("samplingratio");
        if (ratio.isEmpty()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(ratio.get().trim());
        if (value != 1.0) {
            throw new IllegalArgumentException("samplingRatio " + ratio.get() + " is not supported: Spindle infers "
                    + "from the first records of each file. Use samplingRatio 1.0 (every record) or the option "
                    + explicitOption + " (records per file)");
        }
        return Optional.of(Integer.MAX_VALUE);
    }

    /** The layout options of a columnar writer: session defaults, then the {@code compression} option. */
    public static WriteOptions write(FormatSpec spec, WriteOptions defaults) {
        Optional<String> codec = spec.option("compression");
        return codec.isPresent() ? defaults.withCompression(Compression.parse(codec.get())) : defaults;
    }

    private static char singleChar(String option, String value) {
        String unescaped = value.equals("\\t") ? "\t" : value;
        if (unescaped.length() != 1) {
            throw new IllegalArgumentException("Option '" + option + "' must be one character, got '" + value + "'");
        }
        return unescaped.charAt(0);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
