package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DataSizeTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "512, 512",
        "512b, 512",
        "64k, 65536",
        "64KB, 65536",
        "128m, 134217728",
        "128mb, 134217728",
        "2g, 2147483648",
        "2G, 2147483648",
        "1.5g, 1610612736",
        "1t, 1099511627776",
        "1p, 1125899906842624",
        "' 4 g ', 4294967296",
    })
    void parsesBinaryUnits(String text, long bytes) {
        assertThat(DataSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "512, 512b",
        "1536, 1536b",
        "1024, 1k",
        "384m, 384m",
        "2048m, 2g",
        "1.5g, 1536m",
        "1t, 1t",
    })
    void formatsAsShortestExactUnit(String text, String formatted) {
        DataSize size = DataSize.parse(text);
        assertThat(size.toString()).isEqualTo(formatted);
        assertThat(DataSize.parse(formatted)).isEqualTo(size);
    }

    @Test
    void convertsToMegabytes() {
        assertThat(DataSize.ofMegabytes(384).bytes()).isEqualTo(384L << 20);
        assertThat(DataSize.parse("2g").toMegabytes()).isEqualTo(2048);
        assertThat(DataSize.parse("1536k").toMegabytes()).isEqualTo(1);
        assertThat(DataSize.parse("1536k").toMegabytesRoundedUp()).isEqualTo(2);
        assertThat(DataSize.ofBytes(100)).isLessThan(DataSize.parse("1k"));
    }

    @Test
    void rejectsTextThatIsNotADataSize() {
        assertThatThrownBy(() -> DataSize.parse("2x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid data size '2x': expected a data size such as 512m or 2g");
        for (String text : new String[] {"", "g", "-1g", "1 gigabyte", "2gg", "1e3", "1bb", ".5g"}) {
            assertThatThrownBy(() -> DataSize.parse(text))
                    .as(text)
                    .hasMessage("Invalid data size '" + text + "': expected a data size such as 512m or 2g");
        }
    }

    @Test
    void rejectsFractionalBytesAndOverflow() {
        assertThatThrownBy(() -> DataSize.parse("1.5b"))
                .hasMessage("Invalid data size '1.5b': a data size must be a whole number of bytes");
        assertThatThrownBy(() -> DataSize.parse("8192p"))
                .hasMessage("Invalid data size '8192p': a data size must be less than 8192p");
        assertThat(DataSize.parse("8191p").bytes()).isEqualTo(8191L << 50);
    }

    @Test
    void rejectsNegativeBytes() {
        assertThatThrownBy(() -> DataSize.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
