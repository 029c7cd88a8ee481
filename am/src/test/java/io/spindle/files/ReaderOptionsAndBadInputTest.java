package io.spindle.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader options of CSV and JSON (header, delimiter, quote, escape, inference, malformed-record
 * modes with their count), schema merging across files, and bad input: each error names the
 * file (and line). References are the texts the tests write, in plain Java.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReaderOptionsAndBadInputTest {
    @TempDir
    Path directory;
    private static Session session;

    @BeforeAll
    static void start() {
        session = Session.builder().master("local[2]").appName("reader-options")
                .config("spindle.task.maxAttempts", 1).getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    @Test
    void csvHeaderDelimiterQuoteEscapeAndInference() throws IOException {
        Path file = write("in/orders.csv", "id;name;price\n1;'a;b';2.5\n2;'it\\'s';3\n3;;4.25\n");

        Dataset inferred = session.read().format("csv").option("header", "true").option("sep", ";")
                .option("quote", "'").option("escape", "\\").option("inferSchema", "true").load(file.toString());
        Dataset strings = session.read().option("header", true).option("delimiter", ";").option("quote", "'")
                .option("escape", "\\").csv(file.toString());

        assertThat(types(inferred.schema())).containsExactly("id:int", "name:string", "price:double");
        assertThat(sorted(inferred.collectAsList())).containsExactly(List.of(1, "a;b", 2.5),
                List.of(2, "it's", 3.0), java.util.Arrays.asList(3, null, 4.25));
        assertThat(types(strings.schema())).containsExactly("id:string", "name:string", "price:string");
        assertThat(strings.filter(strings.col("price").equalTo(io.spindle.api.functions.lit("4.25"))).count())
                .isEqualTo(1);
    }

    @Test
    void dropMalformedCountsWhatItDropsAndFailFastNamesFileAndLine() throws IOException {
        Path file = write("bad/data.csv", "1,a\n2,b\n3,c,extra\n4,d\nnot-a-number,e\n6,f\n");
        Schema schema = Schema.of(Field.of("n", DataType.INT), Field.of("s", DataType.STRING));

        Dataset dropped = session.read().schema(schema).option("mode", "DROPMALFORMED").csv(file.toString());
        assertThat(dropped.count()).isEqualTo(4);
        assertThat(session.lastScanMetrics().malformedRecords()).isEqualTo(2);

        Dataset strict = session.read().schema(schema).csv(file.toString());
        assertThatThrownBy(strict::collectAsList).hasStackTraceContaining(file.getFileName().toString())
                .hasStackTraceContaining("line 3");
    }

    @Test
    void quarantineKeepsTheBadRecords() throws IOException {
        Path file = write("q/data.json", "{\"n\": 1}\n{\"n\": 2\n{\"n\": 3}\n[not json]\n");
        Path quarantine = directory.resolve("quarantine");
        Schema schema = Schema.of(Field.of("n", DataType.LONG));

        Dataset read = session.read().schema(schema).option("quarantinePath", quarantine.toString()).json(file.toString());

        assertThat(sorted(read.collectAsList())).containsExactly(List.of(1L), List.of(3L));
        assertThat(session.lastScanMetrics().malformedRecords()).isEqualTo(2);
        List<String> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(quarantine)) {
            for (Path bad : files.filter(path -> !path.getFileName().toString().startsWith(".")).toList()) {
                kept.addAll(Files.readAllLines(bad));
            }
        }
        assertThat(kept).containsExactlyInAnyOrder("{\"n\": 2", "[not json]");
    }

    @Test
    void jsonSchemasOfFilesAreMerged() throws IOException {
        write("events/a.json", "{\"id\": 1, \"name\": \"x\"}\n");
        write("events/b.json", "{\"id\": 2, \"score\": 1.5}\n");

        Dataset events = session.read().json(directory.resolve("events").toString());

        assertThat(types(events.schema())).containsExactly("id:long", "name:string", "score:double");
        assertThat(sorted(events.collectAsList())).containsExactly(java.util.Arrays.asList(1L, "x", null),
                java.util.Arrays.asList(2L, null, 1.5));
    }

    @Test
    void parquetSchemasWidenCompatiblyAndFailNamingBothFilesOtherwise() {
        Path table = directory.resolve("merged");
        session.createDataset(List.of(Row.of(1)), Schema.of(Field.of("a", DataType.INT)))
                .write().parquet(table.resolve("old").toString());
        session.createDataset(List.of(Row.of(5_000_000_000L, "new")), Schema.of(Field.of("a", DataType.LONG),
                Field.of("b", DataType.STRING))).write().parquet(table.resolve("new").toString());

        Dataset merged = session.read().parquet(table.toString());
        assertThat(types(merged.schema())).containsExactly("a:long", "b:string");
        assertThat(sorted(merged.collectAsList())).containsExactly(java.util.Arrays.asList(1L, null),
                List.of(5_000_000_000L, "new"));

        session.createDataset(List.of(Row.of("text")), Schema.of(Field.of("a", DataType.STRING)))
                .write().parquet(table.resolve("odd").toString());
        assertThatThrownBy(() -> session.read().parquet(table.toString())).hasMessageContaining("'a'")
                .hasMessageContaining("/odd/part-").hasMessageMatching("(?s).*/(old|new)/part-.*");
    }

    @Test
    void truncatedAndForeignParquetFilesAreNamed() throws IOException {
        Path table = directory.resolve("truncated");
        session.createDataset(AllTypes.rows(500, 3), AllTypes.SCHEMA).write().parquet(table.toString());
        Path file;
        try (Stream<Path> files = Files.list(table)) {
            file = files.filter(path -> path.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> session.read().parquet(table.toString()).collectAsList())
                .hasStackTraceContaining(file.getFileName().toString());
        assertThatThrownBy(() -> session.read().schema(AllTypes.SCHEMA).parquet(table.toString()).collectAsList())
                .hasStackTraceContaining(file.getFileName().toString());

        Path foreign = write("foreign/part-0.parquet", "id,name\n1,a\n");
        assertThatThrownBy(() -> session.read().parquet(foreign.toString()))
                .hasStackTraceContaining(foreign.getFileName().toString());
    }

    @Test
    void unknownOptionsAndModesAreRefusedByName() throws IOException {
        Path file = write("opt/a.csv", "1\n");
        assertThatThrownBy(() -> session.read().option("heeader", "true").csv(file.toString()))
                .hasMessageContaining("heeader").hasMessageContaining("header");
        assertThatThrownBy(() -> session.read().option("mode", "PERMISSIVE").csv(file.toString()).collectAsList())
                .hasStackTraceContaining("DROPMALFORMED");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> types(Schema schema) {
        return schema.fields().stream().map(field -> field.name() + ":" + field.type().simpleString()).toList();
    }

    private static List<List<Object>> sorted(List<Row> rows) {
        return rows.stream().map(Row::toList).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }
}
