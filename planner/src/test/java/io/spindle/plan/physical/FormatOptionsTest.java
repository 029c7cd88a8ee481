package io.spindle.plan.physical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.csv.CsvOptions;
import io.spindle.formats.json.JsonOptions;
import io.spindle.formats.text.MalformedMode;
import io.spindle.plan.logical.FormatSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spark-style options to the formats module's option records, and the errors for options a format lacks. */
class FormatOptionsTest {

    @Test
    void csvOptionsMapByTheirSparkNamesIgnoringCase() {
        CsvOptions options = FormatOptions.csv(new FormatSpec("CSV", Map.of("Header", "true", "sep", "\\t",
                "quote", "'", "nullValue", "NA", "inferSampleRecords", "50", "mode", "dropmalformed"), null));

        assertThat(options.header()).isTrue();
        assertThat(options.delimiter()).isEqualTo('\t');
        assertThat(options.quote()).isEqualTo('\'');
        assertThat(options.escape()).as("escape defaults to the quote").isEqualTo('\'');
        assertThat(options.nullValue()).isEqualTo("NA");
        assertThat(options.inferSampleRecords()).isEqualTo(50);
        assertThat(options.malformed().mode()).isEqualTo(MalformedMode.DROPMALFORMED);
    }

    @Test
    void quarantinePathImpliesQuarantineAndSamplingRatioOneMeansEveryRecord() {
        JsonOptions options = FormatOptions.json(new FormatSpec("json", Map.of("quarantinePath", "/bad",
                "samplingRatio", "1.0"), null));

        assertThat(options.malformed().mode()).isEqualTo(MalformedMode.QUARANTINE);
        assertThat(options.malformed().quarantineDirectory()).contains("/bad");
        assertThat(options.inferSampleLines()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusedOptionsSayWhatIsAccepted() {
        assertThatThrownBy(() -> FormatOptions.checkReadOptions(new FormatSpec("parquet", Map.of("header", "true"), null)))
                .hasMessageContaining("'header'").hasMessageContaining("mergeschema");
        assertThatThrownBy(() -> FormatOptions.checkWriteOptions(new FormatSpec("avro", Map.of(), null)))
                .hasMessageContaining("avro").hasMessageContaining("parquet");
        assertThatThrownBy(() -> FormatOptions.csv(new FormatSpec("csv", Map.of("mode", "PERMISSIVE"), null)))
                .hasMessageContaining("DROPMALFORMED").hasMessageContaining("quarantinePath");
        assertThatThrownBy(() -> FormatOptions.csv(new FormatSpec("csv", Map.of("samplingRatio", "0.1"), null)))
                .hasMessageContaining("inferSampleRecords");
        assertThatThrownBy(() -> FormatOptions.csv(new FormatSpec("csv", Map.of("delimiter", "ab"), null)))
                .hasMessageContaining("one character");
    }

    @Test
    void compressionOptionOverridesTheSessionDefault() {
        WriteOptions options = FormatOptions.write(new FormatSpec("parquet", Map.of("compression", "ZSTD"), null),
                WriteOptions.defaults());

        assertThat(options.compression()).isEqualTo(Compression.ZSTD);
        assertThat(FormatOptions.write(FormatSpec.of("parquet"), WriteOptions.defaults()))
                .isEqualTo(WriteOptions.defaults());
    }
}
