package io.spindle.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.text.MalformedPolicy;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
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

/** Each kind of bad record, under each malformed-record policy. */
class CsvMalformedTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.INT), Field.of("name", DataType.STRING),
            Field.of("age", DataType.INT));
    private static final String CONTENT = "id,name,age\n"
            + "1,ann,30\n"
            + "2,bob\n"                 // line 3: too few fields
            + "3,cy,abc\n"              // line 4: not an int
            + "4,\"dee,40\n"            // line 5: unterminated quote
            + "5,eve,50,extra\n"        // line 6: too many fields
            + "6,fay,60\n";

    @TempDir
    Path dir;

    private Path file() throws Exception {
        return Files.write(dir.resolve("people.csv"), CONTENT.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvFileFormat format(MalformedPolicy policy) {
        return new CsvFileFormat(CsvOptions.defaults().withHeader(true).withSchema(SCHEMA).withMalformed(policy));
    }

    private static String uri(Path file) {
        return file.toUri().toString().replace("file:///", "file:/");
    }

    @Test
    void failFastNamesFileOffsetLineAndColumn() throws Exception {
        Path file = file();
        assertThatThrownBy(() -> TestTables.read(format(MalformedPolicy.failFast()), file, SCHEMA))
                .isInstanceOf(FormatException.class)
                .hasMessage(uri(file) + " at offset 21: line 3, record has 2 fields but the schema has 3: "
                        + "no value for column 'age'");
    }

    @Test
    void failFastMessagesForEachProblem() throws Exception {
        assertThat(firstError("id,name,age\n3,cy,abc\n"))
                .isEqualTo("line 2, column 'age': cannot read 'abc' as int (not an integer)");
        assertThat(firstError("id,name,age\n4,\"dee,40\n")).isEqualTo("line 2, column 'name': unterminated quoted field");
        assertThat(firstError("id,name,age\n5,eve,50,extra\n"))
                .isEqualTo("line 2, record has 4 fields but the schema has 3: field 4 is past the last column 'age'");
        assertThat(firstError("id,name,age\n9,x,99999999999\n"))
                .isEqualTo("line 2, column 'age': cannot read '99999999999' as int (out of range)");
    }

    private String firstError(String content) throws Exception {
        Path file = Files.write(dir.resolve("one.csv"), content.getBytes(StandardCharsets.UTF_8));
        try {
            TestTables.read(format(MalformedPolicy.failFast()), file, SCHEMA);
            throw new AssertionError("no error");
        } catch (FormatException e) {
            return e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
        }
    }

    @Test
    void lineNumbersAreFileLinesInLaterSplits() throws Exception {
        StringBuilder content = new StringBuilder("id,name,age\n");
        for (int i = 0; i < 1000; i++) {
            content.append(i).append(",n").append(i).append(',').append(i == 900 ? "oops" : String.valueOf(i)).append('\n');
        }
        Path file = Files.write(dir.resolve("long.csv"), content.toString().getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TestTables.scan(format(MalformedPolicy.failFast()), file, SCHEMA, Optional.empty(), 2000))
                .hasMessageContaining(": line 902, column 'age': cannot read 'oops' as int");
    }

    @Test
    void dropMalformedKeepsGoodRowsAndCounts() throws Exception {
        Result result = readAll(format(MalformedPolicy.dropMalformed()), file());

        assertThat(result.rows()).isEqualTo(List.of(List.of(1, "ann", 30), List.of(6, "fay", 60)));
        assertThat(result.malformed()).isEqualTo(4);
        assertThat(result.samples()).hasSize(4);
        assertThat(result.samples().get(1)).endsWith("line 4, column 'age': cannot read 'abc' as int (not an integer)");
    }

    @Test
    void quarantineWritesRawRecordsToOneFilePerReader() throws Exception {
        Path quarantine = dir.resolve("bad");
        Result result = readAll(format(MalformedPolicy.quarantine(quarantine.toUri().toString())), file());

        assertThat(result.rows()).hasSize(2);
        assertThat(result.malformed()).isEqualTo(4);
        assertThat(Files.readString(quarantine.resolve("people.csv.bad")))
                .isEqualTo("2,bob\n3,cy,abc\n4,\"dee,40\n5,eve,50,extra\n");
    }

    private record Result(List<List<Object>> rows, long malformed, List<String> samples) {}

    private static Result readAll(CsvFileFormat format, Path file) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        FileSplit split = FileSplit.wholeFile(new org.apache.hadoop.fs.Path(file.toUri()), Files.size(file));
        try (BatchReader reader = format.open(TestTables.CONF, split, SCHEMA, Optional.empty())) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                rows.addAll(batch.toRows());
            }
            CsvBatchReader csv = (CsvBatchReader) reader;
            return new Result(rows, csv.malformedRecords().count(), csv.malformedRecords().samples());
        }
    }

    @Test
    void droppedRecordsLeaveNoTraceInTheBatch() throws Exception {
        Path file = Files.write(dir.resolve("mixed.csv"), "id,name,age\n,x,bad\n7,,\n".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(format(MalformedPolicy.dropMalformed()), file).rows())
                .isEqualTo(List.of(Arrays.asList(7, null, null)));
    }
}
