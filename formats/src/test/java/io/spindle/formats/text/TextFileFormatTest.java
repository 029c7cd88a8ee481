package io.spindle.formats.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileFormatTest {
    private static final TextFileFormat FORMAT = new TextFileFormat(100);

    @TempDir
    Path dir;

    @Test
    void roundTripsLinesWithNullsAsEmptyLines() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Arrays.asList(i % 9 == 0 ? null : i % 10 == 0 ? "" : "line " + i + " \u00e9\ud83d\ude00"));
        }
        Path file = dir.resolve("lines.txt");
        TestTables.write(FORMAT, file, TestTables.batchOf(TextFileFormat.SCHEMA, rows), WriteOptions.defaults());

        List<List<Object>> expected = new ArrayList<>();
        rows.forEach(row -> expected.add(Arrays.asList(row.get(0) == null ? "" : row.get(0))));
        for (long splitBytes : new long[] {Long.MAX_VALUE, 1000, 37}) {
            assertThat(TestTables.scan(FORMAT, file, TextFileFormat.SCHEMA, Optional.empty(), splitBytes).rows())
                    .isEqualTo(expected);
        }
    }

    @Test
    void crlfAndMissingFinalNewlineAndEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("crlf.txt"), "a\r\nb\r\n\r\nc\rd\ne".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);

        assertThat(TestTables.read(FORMAT, file, TextFileFormat.SCHEMA))
                .isEqualTo(List.of(List.of("a"), List.of("b"), List.of(""), List.of("c\rd"), List.of("e")));
        assertThat(TestTables.read(FORMAT, empty, TextFileFormat.SCHEMA)).isEmpty();
        assertThat(TestTables.scan(FORMAT, file, Schema.of(), Optional.empty(), 3).rows()).hasSize(5);
    }
}
