package io.spindle.formats.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionPathsTest {
    @Test
    void escapesWhatHiveEscapesAndUnescapesBack() {
        String value = "a:b/c=d%e?f#g\"h'i*j\\k{l[m]n^o\u0001p q\u00e9";

        String escaped = PartitionPaths.escape(value);

        assertThat(escaped).isEqualTo("a%3Ab%2Fc%3Dd%25e%3Ff%23g%22h%27i%2Aj%5Ck%7Bl%5Bm%5Dn%5Eo%01p q\u00e9");
        assertThat(PartitionPaths.unescape(escaped)).isEqualTo(value);
        assertThat(PartitionPaths.unescape("100%")).isEqualTo("100%");
        assertThat(PartitionPaths.unescape("%zz")).isEqualTo("%zz");
    }

    @Test
    void directoryNamesWriteNullsAndEmptyStringsAsTheDefaultPartition() {
        Schema schema = Schema.of(Field.of("s", DataType.STRING), Field.of("n", DataType.INT),
                Field.of("e", DataType.STRING), Field.of("d", DataType.DATE), Field.of("ts", DataType.TIMESTAMP),
                Field.of("dec", DataType.decimal(5, 2)));

        String directory = PartitionPaths.directoryOf(schema, Arrays.asList("x/y", null, "", LocalDate.of(2024, 1, 2),
                Instant.parse("2024-01-02T03:04:05.120Z"), new BigDecimal("1.50")), ZoneOffset.UTC);

        assertThat(directory).isEqualTo("s=x%2Fy/n=__HIVE_DEFAULT_PARTITION__/e=__HIVE_DEFAULT_PARTITION__/"
                + "d=2024-01-02/ts=2024-01-02 03%3A04%3A05.12/dec=1.50");
    }

    @Test
    void segmentsAndHiddenNames() {
        assertThat(PartitionPaths.parseSegment("a%3Db=c%3Ad"))
                .contains(new PartitionPaths.Segment("a=b", "c:d"));
        assertThat(PartitionPaths.parseSegment("n=__HIVE_DEFAULT_PARTITION__"))
                .contains(new PartitionPaths.Segment("n", null));
        assertThat(PartitionPaths.parseSegment("plain")).isEqualTo(Optional.empty());
        assertThat(PartitionPaths.parseSegment("=x")).isEqualTo(Optional.empty());
        assertThat(PartitionPaths.isHidden("_SUCCESS")).isTrue();
        assertThat(PartitionPaths.isHidden(".spindle-staging-job")).isTrue();
        assertThat(PartitionPaths.isHidden("_col=1")).isFalse();
        assertThat(PartitionPaths.isHidden("part-0.parquet")).isFalse();
    }
}
