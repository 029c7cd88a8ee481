package io.spindle.formats.layout;

import static io.spindle.formats.layout.TableFiles.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionDiscoveryTest {
    @TempDir
    Path dir;

    private CountingFileSystem fs;

    /** A partition as a test states it: directory relative to the root, values, file names. */
    record Found(String directory, List<Object> values, List<String> files) {}

    @BeforeEach
    void setUp() throws Exception {
        Configuration conf = CountingFileSystem.configuration();
        fs = CountingFileSystem.get(conf);
        fs.resetCounts();
    }

    @Test
    void infersIntDateStringAndNullAndUnescapesValues() throws Exception {
        touch(dir, "t/n=1/d=2024-01-31/s=plain/part-0.parquet");
        touch(dir, "t/n=2/d=2024-02-29/s=a%3Ab%2Fc%25/part-1.parquet");
        touch(dir, "t/n=__HIVE_DEFAULT_PARTITION__/d=2024-03-01/s=__HIVE_DEFAULT_PARTITION__/part-2.parquet");

        TableLayout layout = discover(PartitionDiscovery.Options.defaults());

        assertThat(layout.partitionSchema()).isEqualTo(Schema.of(
                Field.of("n", DataType.INT), Field.of("d", DataType.DATE), Field.of("s", DataType.STRING)));
        assertThat(found(layout)).containsExactly(
                new Found("n=1/d=2024-01-31/s=plain", List.of(1, LocalDate.of(2024, 1, 31), "plain"),
                        List.of("part-0.parquet")),
                new Found("n=2/d=2024-02-29/s=a%3Ab%2Fc%25", List.of(2, LocalDate.of(2024, 2, 29), "a:b/c%"),
                        List.of("part-1.parquet")),
                new Found("n=__HIVE_DEFAULT_PARTITION__/d=2024-03-01/s=__HIVE_DEFAULT_PARTITION__",
                        Arrays.asList(null, LocalDate.of(2024, 3, 1), null), List.of("part-2.parquet")));
        assertThat(fs.opened()).isEmpty();
    }

    @Test
    void widensAcrossDirectoriesAsSparkDoes() throws Exception {
        touch(dir, "t/i=1/l=1/x=1/dt=2024-01-01/big=1/f");
        touch(dir, "t/i=2/l=3000000000/x=2.5/dt=2024-01-01 10%3A30%3A00/big=123456789012345678901234/f");

        TableLayout layout = discover(PartitionDiscovery.Options.defaults());

        assertThat(layout.partitionSchema()).isEqualTo(Schema.of(Field.of("i", DataType.INT),
                Field.of("l", DataType.LONG), Field.of("x", DataType.DOUBLE), Field.of("dt", DataType.TIMESTAMP),
                Field.of("big", DataType.decimal(24, 0))));
        assertThat(found(layout)).extracting(Found::values).containsExactly(
                List.of(1, 1L, 1.0, Instant.parse("2024-01-01T00:00:00Z"), new BigDecimal("1")),
                List.of(2, 3000000000L, 2.5, Instant.parse("2024-01-01T10:30:00Z"),
                        new BigDecimal("123456789012345678901234")));
    }

    @Test
    void keepsLeadingZerosAndMixedValuesAsStrings() throws Exception {
        touch(dir, "t/zip=01234/mixed=7/f");
        touch(dir, "t/zip=12345/mixed=seven/f");

        TableLayout layout = discover(PartitionDiscovery.Options.defaults());

        assertThat(layout.partitionSchema()).isEqualTo(Schema.of(
                Field.of("zip", DataType.STRING), Field.of("mixed", DataType.STRING)));
        assertThat(found(layout)).extracting(Found::values)
                .containsExactly(List.of("01234", "7"), List.of("12345", "seven"));
    }

    @Test
    void takesTypesFromTheGivenSchemaOrStringsWithoutInference() throws Exception {
        touch(dir, "t/n=1/ts=2024-01-01 00%3A00%3A00/f");
        Schema declared = Schema.of(Field.of("n", DataType.LONG), Field.of("ts", DataType.TIMESTAMP));

        TableLayout typed = discover(PartitionDiscovery.Options.defaults().withPartitionSchema(declared)
                .withTimeZone(ZoneId.of("Europe/Paris")));
        TableLayout strings = discover(PartitionDiscovery.Options.defaults().withTypeInference(false));

        assertThat(typed.partitionSchema()).isEqualTo(declared);
        assertThat(found(typed).get(0).values()).containsExactly(1L, Instant.parse("2023-12-31T23:00:00Z"));
        assertThat(strings.partitionSchema()).isEqualTo(Schema.of(
                Field.of("n", DataType.STRING), Field.of("ts", DataType.STRING)));
        assertThat(found(strings).get(0).values()).containsExactly("1", "2024-01-01 00:00:00");
    }

    @Test
    void aValueThatDoesNotFitTheDeclaredTypeNamesTheDirectory() throws Exception {
        touch(dir, "t/n=abc/f");

        assertThatThrownBy(() -> discover(PartitionDiscovery.Options.defaults()
                .withPartitionSchema(Schema.of(Field.of("n", DataType.INT)))))
                .isInstanceOf(TableLayoutException.class)
                .hasMessageContaining(dir.resolve("t/n=abc").toString())
                .hasMessageContaining("'abc' of column 'n' does not fit int");
    }

    @Test
    void skipsHiddenAndStagingEntriesAndFoldsPlainSubdirectoriesIntoTheirPartition() throws Exception {
        touch(dir, "t/p=1/part-0");
        touch(dir, "t/p=1/sub/part-1");
        touch(dir, "t/p=1/.part-0.crc");
        touch(dir, "t/_SUCCESS");
        touch(dir, "t/_temporary/0/p=9/part-9");
        touch(dir, "t/.spindle-staging-job1/task-00000-attempt-0/p=8/part-8");
        touch(dir, "t/p=2/part-2._COPYING_");

        TableLayout layout = discover(PartitionDiscovery.Options.defaults());

        assertThat(layout.partitionSchema()).isEqualTo(Schema.of(Field.of("p", DataType.INT)));
        assertThat(found(layout)).containsExactly(
                new Found("p=1", List.of(1), List.of("part-0", "part-1")));
    }

    @Test
    void conflictingPartitionColumnsNameBothDirectories() throws Exception {
        touch(dir, "t/a=1/b=1/f");
        touch(dir, "t/a=2/c=1/f");

        assertThatThrownBy(() -> discover(PartitionDiscovery.Options.defaults()))
                .isInstanceOf(TableLayoutException.class)
                .hasMessageContaining(dir.resolve("t/a=1/b=1").toString())
                .hasMessageContaining(dir.resolve("t/a=2/c=1").toString())
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("[a, c]");
    }

    @Test
    void dataFilesBesidePartitionDirectoriesFail() throws Exception {
        touch(dir, "t/stray.parquet");
        touch(dir, "t/a=1/f");

        assertThatThrownBy(() -> discover(PartitionDiscovery.Options.defaults()))
                .isInstanceOf(TableLayoutException.class)
                .hasMessageContaining("has partition columns []")
                .hasMessageContaining(dir.resolve("t/a=1").toString());
    }

    @Test
    void unpartitionedTableIsOnePartitionWithoutColumns() throws Exception {
        touch(dir, "t/part-1");
        touch(dir, "t/part-0");

        TableLayout layout = discover(PartitionDiscovery.Options.defaults());

        assertThat(layout.partitionSchema()).isEqualTo(new Schema(List.of()));
        assertThat(found(layout)).containsExactly(new Found("", List.of(), List.of("part-0", "part-1")));
    }

    private TableLayout discover(PartitionDiscovery.Options options) throws Exception {
        return new PartitionDiscovery(fs, options).discover(CountingFileSystem.path(dir.resolve("t")));
    }

    private List<Found> found(TableLayout layout) {
        String root = layout.root().toUri().getPath();
        return layout.partitions().stream()
                .map(partition -> new Found(relative(root, partition.path().toUri().getPath()), partition.values(),
                        partition.files().stream().map(FileStatus::getPath).map(path -> path.getName()).toList()))
                .toList();
    }

    private static String relative(String root, String path) {
        return path.equals(root) ? "" : path.substring(root.length() + 1);
    }
}
