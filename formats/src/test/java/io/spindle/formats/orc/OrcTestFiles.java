package io.spindle.formats.orc;

import io.spindle.formats.testing.TestTables;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;

/** Facts about ORC test files, read with ORC's own reader. */
final class OrcTestFiles {
    private OrcTestFiles() {}

    static Reader orcReader(Path file) throws IOException {
        return OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.readerOptions(TestTables.CONF).useUTCTimestamp(true).convertToProlepticGregorian(true));
    }

    static CompressionKind codecOf(Path file) throws IOException {
        try (Reader reader = orcReader(file)) {
            return reader.getCompressionKind();
        }
    }

    /** Compares row lists, failing on the first differing row so that a mismatch in 10,000 rows is readable. */
    static void assertSameRows(java.util.List<java.util.List<Object>> actual, java.util.List<java.util.List<Object>> expected) {
        for (int r = 0; r < Math.min(actual.size(), expected.size()); r++) {
            org.assertj.core.api.Assertions.assertThat(actual.get(r)).as("row " + r).isEqualTo(expected.get(r));
        }
        org.assertj.core.api.Assertions.assertThat(actual.size()).as("row count").isEqualTo(expected.size());
    }

    static int stripesOf(Path file) throws IOException {
        try (Reader reader = orcReader(file)) {
            return reader.getStripes().size();
        }
    }
}
