package io.spindle.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.api.Tuple2;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runner's answers for every query at a tiny scale, against DuckDB on the same files. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BenchAnswersTest {
    @TempDir
    static Path directory;
    private static Path data;
    private static Session session;
    private static Connection duckdb;

    @BeforeAll
    static void setUp() throws Exception {
        data = BenchCommand.generate(directory.resolve("data"), 0.03, new java.io.PrintWriter(System.out, true));
        session = Session.builder().master("local[2]").appName("bench-answers").getOrCreate();
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        session.stop();
        duckdb.close();
    }

    private static List<List<Object>> query(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String lineitem() {
        return "read_parquet('" + data.resolve("lineitem") + "/*.parquet')";
    }

    private static void assertSameRow(Row actual, List<Object> expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int c = 0; c < expected.size(); c++) {
            Object want = expected.get(c);
            Object got = actual.get(c);
            if (want instanceof Number number && got instanceof Double value) {
                assertThat(value).as("column %d", c).isCloseTo(number.doubleValue(),
                        within(Math.abs(number.doubleValue()) * 1e-9 + 1e-9));
            } else if (want instanceof Number number) {
                assertThat(((Number) got).longValue()).as("column %d", c).isEqualTo(number.longValue());
            } else {
                assertThat(got).as("column %d", c).isEqualTo(want);
            }
        }
    }

    @Test
    void q1MatchesDuckDb() throws Exception {
        List<List<Object>> expected = query("SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), "
                + "sum(l_extendedprice * (1 - l_discount)), sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), "
                + "avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*) FROM " + lineitem()
                + " WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus "
                + "ORDER BY l_returnflag NULLS FIRST, l_linestatus NULLS FIRST");
        List<Row> actual = BenchQueries.q1(session, data);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        assertThat(actual).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertSameRow(actual.get(r), expected.get(r));
        }
    }

    @Test
    void q6MatchesDuckDb() throws Exception {
        List<List<Object>> expected = query("SELECT sum(l_extendedprice * l_discount) FROM " + lineitem()
                + " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' "
                + "AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24");
        List<Row> actual = BenchQueries.q6(session, data);
        assertThat(actual).hasSize(1);
        assertThat(((Number) expected.get(0).get(0)).doubleValue()).isPositive();
        assertSameRow(actual.get(0), expected.get(0));
    }

    @Test
    void wordcountMatchesDuckDb() throws Exception {
        List<List<Object>> expected = query("SELECT word, count(*) AS n FROM (SELECT unnest(regexp_split_to_array("
                + "content, '\\s+')) AS word FROM read_text('" + data.resolve("text") + "/*.txt')) WHERE word <> '' "
                + "GROUP BY word ORDER BY n DESC, word LIMIT 100");
        List<Tuple2<String, Long>> actual = BenchQueries.wordcount(session, data);
        assertThat(actual).hasSize(100);
        List<Tuple2<String, Long>> want = new ArrayList<>();
        for (List<Object> row : expected) {
            want.add(new Tuple2<>((String) row.get(0), ((Number) row.get(1)).longValue()));
        }
        assertThat(actual).isEqualTo(want);
    }

    private static String events() {
        return "read_parquet('" + data.resolve("events") + "/*/*.parquet')";
    }

    private static String products() {
        return "read_parquet('" + data.resolve("products") + "/*.parquet')";
    }

    @Test
    void funnelMatchesDuckDb() throws Exception {
        LocalDate last = BenchData.LAST_EVENT_DAY;
        List<List<Object>> expected = query("SELECT p.category, count(*) AS n, sum(e.price) FROM " + events()
                + " e JOIN " + products() + " p ON e.product_id = p.product_id WHERE e.event_type = 'add_to_cart' "
                + "AND CAST(e.ts AS DATE) > DATE '" + last.minusDays(30) + "' GROUP BY p.category "
                + "ORDER BY n DESC, p.category");
        List<Row> actual = BenchQueries.funnel(session, data);
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(actual).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertSameRow(actual.get(r), expected.get(r));
        }
    }

    @Test
    void nightlyWritesAndReplacesItsPartitionMatchingDuckDb() throws Exception {
        Path output = directory.resolve("nightly");
        LocalDate day = BenchData.LAST_EVENT_DAY.minusDays(3);
        long first = BenchQueries.nightly(session, data, day, output);
        BenchQueries.nightly(session, data, day.minusDays(1), output); // another partition stays as it is
        long second = BenchQueries.nightly(session, data, day, output); // replaces, does not append
        assertThat(second).isEqualTo(first);
        assertThat(output.resolve("revenue").toFile().list()).containsExactlyInAnyOrder(
                "run_date=" + day, "run_date=" + day.minusDays(1));
        String dayEvents = "read_parquet('" + data.resolve("events").resolve("date=" + day) + "/*.parquet')";
        String join = dayEvents + " e JOIN " + products() + " p ON e.product_id = p.product_id";
        assertThat(query("SELECT event_type, events FROM read_parquet('" + output.resolve("event_counts")
                .resolve("run_date=" + day) + "/*.parquet') ORDER BY event_type"))
                .isEqualTo(query("SELECT e.event_type, count(*) FROM " + join + " GROUP BY e.event_type "
                        + "ORDER BY e.event_type"));
        List<List<Object>> revenue = query("SELECT category, brand, revenue, purchases FROM read_parquet('"
                + output.resolve("revenue").resolve("run_date=" + day) + "/*.parquet') ORDER BY category, brand");
        List<List<Object>> expected = query("SELECT p.category, p.brand, sum(e.price), count(*) FROM " + join
                + " WHERE e.event_type = 'purchase' GROUP BY p.category, p.brand ORDER BY p.category, p.brand");
        assertThat(revenue).hasSize(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertSameRow(Row.of(revenue.get(r).toArray()), expected.get(r));
        }
        assertThat(first).isEqualTo(3 + expected.size());
    }

    /** The full sort: every row once, and the files in name order hold the rows in DuckDB's order. */
    @Test
    void sortWritesEveryRowInOrderMatchingDuckDb() throws Exception {
        Path output = directory.resolve("sorted");
        BenchQueries.sort(session, data, output.toString());
        List<Path> files;
        try (java.util.stream.Stream<Path> listing = java.nio.file.Files.list(output)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<List<Object>> actual = new ArrayList<>();
        for (Path file : files) {
            actual.addAll(query("SELECT l_shipdate, l_orderkey, l_linenumber, l_extendedprice, l_comment FROM "
                    + "read_parquet('" + file + "')"));
        }
        List<List<Object>> expected = query("SELECT l_shipdate, l_orderkey, l_linenumber, l_extendedprice, l_comment "
                + "FROM " + lineitem() + " ORDER BY l_shipdate, l_orderkey, l_linenumber");
        assertThat(expected).hasSizeGreaterThan(10_000);
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void generatedDataIsDeterministic() throws Exception {
        Path again = BenchCommand.generate(directory.resolve("again"), 0.03, new java.io.PrintWriter(System.out, true));
        assertThat(java.nio.file.Files.readAllBytes(again.resolve("text/part-00002.txt")))
                .isEqualTo(java.nio.file.Files.readAllBytes(data.resolve("text/part-00002.txt")));
        assertThat(query("SELECT count(*), sum(l_extendedprice), min(l_shipdate) FROM read_parquet('"
                + again.resolve("lineitem") + "/*.parquet')"))
                .isEqualTo(query("SELECT count(*), sum(l_extendedprice), min(l_shipdate) FROM " + lineitem()));
        assertThat(LocalDate.parse(query("SELECT max(l_shipdate) FROM " + lineitem()).get(0).get(0).toString()))
                .isBefore(LocalDate.of(1998, 12, 2));
    }
}
