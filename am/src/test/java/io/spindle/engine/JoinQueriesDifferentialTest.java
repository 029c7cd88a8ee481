package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.physical.JoinPlanner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Join queries on local[2] against DuckDB over the same Parquet files: TPC-H Q3 (customer, orders,
 * lineitem with dates and decimals, NULL keys on every side) and a clickstream funnel (add-to-cart
 * events of the last 30 days joined to products, count and sum(price) per category), each under
 * broadcast and shuffled strategies.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JoinQueriesDifferentialTest {
    private static final long LINEITEM_ROWS = 200_000; // order keys 1 .. 50,000
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
    private static final String[] EVENT_TYPES = {"view", "add_to_cart", "purchase"};
    private static final String[] CATEGORIES = {"books", "games", "garden", "music", "toys", "tools"};

    @TempDir
    static Path directory;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("join-differential");

    @BeforeAll
    static void setUp() throws Exception {
        java.nio.file.Files.createDirectories(directory.resolve("lineitem"));
        Lineitem.write(directory.resolve("lineitem"), LINEITEM_ROWS, 4, 7);
        SplittableRandom random = new SplittableRandom(11);
        write("customer", customers(random), Schema.of(Field.of("c_custkey", DataType.LONG),
                Field.of("c_mktsegment", DataType.STRING)));
        write("orders", orders(random), Schema.of(Field.of("o_orderkey", DataType.LONG),
                Field.of("o_custkey", DataType.LONG), Field.of("o_orderdate", DataType.DATE),
                Field.of("o_shippriority", DataType.INT)));
        write("events", events(random), Schema.of(Field.of("user_id", DataType.LONG),
                Field.of("product_id", DataType.LONG), Field.of("event_type", DataType.STRING),
                Field.of("ts", DataType.TIMESTAMP), Field.of("price", DataType.DOUBLE)));
        write("products", products(random), Schema.of(Field.of("product_id", DataType.LONG),
                Field.of("category", DataType.STRING), Field.of("brand", DataType.STRING),
                Field.of("price", DataType.DOUBLE)));
    }

    private static void write(String name, List<Row> rows, Schema schema) {
        engine.session().createDataset(rows, schema).write().parquet(directory.resolve(name).toString());
    }

    private static Dataset table(String name) {
        return engine.session().read().parquet(directory.resolve(name).toString());
    }

    private static String files(String name) {
        return "read_parquet('" + directory.resolve(name) + "/*.parquet')";
    }

    @Test
    void tpchQ3MatchesDuckDbUnderEveryStrategy() throws Exception {
        List<Row> expected = engine.duckdb().query("SELECT l_orderkey, "
                + "CAST(sum(l_extendedprice * (1 - l_discount)) AS DECIMAL(38,4)) AS revenue, o_orderdate, "
                + "o_shippriority FROM " + files("customer") + ", " + files("orders") + ", " + files("lineitem")
                + " WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey "
                + "AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15' "
                + "GROUP BY l_orderkey, o_orderdate, o_shippriority "
                + "ORDER BY revenue DESC, o_orderdate, l_orderkey LIMIT 10");
        assertThat(expected).hasSize(10);
        for (long threshold : new long[] {JoinPlanner.DEFAULT_BROADCAST_THRESHOLD, -1}) {
            engine.adjust(s -> s.withBroadcastThreshold(threshold));
            List<Row> actual = q3().collectAsList();
            assertThat(actual).hasSize(10);
            for (int i = 0; i < actual.size(); i++) {
                Row row = actual.get(i);
                assertThat(Row.of(row.get(0), ((BigDecimal) row.get(1)).setScale(4), row.get(2), row.get(3)))
                        .isEqualTo(expected.get(i));
            }
        }
        engine.adjust(s -> s.withBroadcastThreshold(-1));
        assertThat(q3().explainString()).contains("ShuffledHashJoin").doesNotContain("BroadcastHashJoin");
        engine.adjust(s -> s.withPreferSortMergeJoin(true));
        assertThat(q3().explainString()).contains("SortMergeJoin").doesNotContain("HashJoin");
        List<Row> merged = q3().collectAsList();
        assertThat(merged).hasSize(10);
        for (int i = 0; i < merged.size(); i++) {
            Row row = merged.get(i);
            assertThat(Row.of(row.get(0), ((BigDecimal) row.get(1)).setScale(4), row.get(2), row.get(3)))
                    .as("sort-merge join row " + i).isEqualTo(expected.get(i));
        }
        engine.adjust(s -> s.withPreferSortMergeJoin(false));
    }

    private static Dataset q3() {
        Dataset customer = table("customer").filter(col("c_mktsegment").equalTo("BUILDING"));
        Dataset orders = table("orders").filter(col("o_orderdate").lt(lit(LocalDate.of(1995, 3, 15))));
        Dataset lineitem = table("lineitem");
        return customer.join(orders, customer.col("c_custkey").equalTo(orders.col("o_custkey")))
                .join(lineitem, col("l_orderkey").equalTo(col("o_orderkey")))
                .filter(col("l_shipdate").gt(lit(LocalDate.of(1995, 3, 15))))
                .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
                .agg(sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount")))).as("revenue"))
                .orderBy(col("revenue").desc(), col("o_orderdate"), col("l_orderkey"))
                .limit(10)
                .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority");
    }

    @Test
    void clickstreamFunnelMatchesDuckDbUnderEveryStrategy() throws Exception {
        List<Row> expected = engine.duckdb().query("SELECT p.category, count(*) AS n, sum(p.price) FROM "
                + files("events")
                + " e JOIN " + files("products") + " p ON e.product_id = p.product_id "
                + "WHERE e.event_type = 'add_to_cart' AND e.ts >= TIMESTAMPTZ '" + NOW.minus(30, ChronoUnit.DAYS)
                + "' GROUP BY p.category ORDER BY n DESC, p.category NULLS FIRST");
        assertThat(expected).hasSizeGreaterThan(3);
        for (long threshold : new long[] {JoinPlanner.DEFAULT_BROADCAST_THRESHOLD, -1}) {
            engine.adjust(s -> s.withBroadcastThreshold(threshold));
            Dataset funnel = funnel();
            assertThat(funnel.explainString()).contains(threshold < 0 ? "ShuffledHashJoin" : "BroadcastHashJoin");
            List<Row> actual = funnel.collectAsList();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).get(0)).isEqualTo(expected.get(i).get(0));
                assertThat(actual.get(i).getLong(1)).isEqualTo(expected.get(i).getLong(1));
                assertThat(actual.get(i).getDouble(2)).isCloseTo(expected.get(i).getDouble(2),
                        org.assertj.core.data.Offset.offset(1e-6 * Math.abs(expected.get(i).getDouble(2))));
            }
        }
    }

    private static Dataset funnel() {
        Dataset events = table("events");
        Dataset products = table("products");
        return events.join(products, events.col("product_id").equalTo(products.col("product_id")))
                .filter(events.col("event_type").equalTo("add_to_cart")
                        .and(events.col("ts").geq(lit(NOW.minus(30, ChronoUnit.DAYS)))))
                .groupBy(products.col("category"))
                .agg(count("*").as("n"), sum(products.col("price")).as("revenue"))
                .orderBy(col("n").desc(), col("category"));
    }

    @Test
    void anEmptySideGivesAnEmptyInnerJoinAndKeepsOuterRows() {
        Dataset events = table("events");
        Dataset none = table("products").filter(col("price").lt(0.0));
        for (long threshold : new long[] {JoinPlanner.DEFAULT_BROADCAST_THRESHOLD, -1}) {
            engine.adjust(s -> s.withBroadcastThreshold(threshold));
            assertThat(events.join(none, events.col("product_id").equalTo(none.col("product_id"))).count()).isZero();
            assertThat(events.join(none, events.col("product_id").equalTo(none.col("product_id")), "left").count())
                    .isEqualTo(events.count());
        }
    }

    // ---- data ----

    private static List<Row> customers(SplittableRandom random) {
        List<Row> rows = new ArrayList<>();
        for (long key = 1; key <= 5_000; key++) {
            rows.add(Row.of(key, random.nextInt(50) == 0 ? null : SEGMENTS[random.nextInt(SEGMENTS.length)]));
        }
        return rows;
    }

    private static List<Row> orders(SplittableRandom random) {
        List<Row> rows = new ArrayList<>();
        LocalDate first = LocalDate.of(1992, 1, 1);
        for (long key = 1; key <= LINEITEM_ROWS / 4; key++) {
            if (key % 13 == 0) {
                continue; // lineitems without an order
            }
            Long customer = random.nextInt(100) == 0 ? null : (long) random.nextInt(1, 5_500); // some unknown
            rows.add(Row.of(key, customer, first.plusDays(random.nextInt(2_400)), random.nextInt(3)));
        }
        return rows;
    }

    private static List<Row> events(SplittableRandom random) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            // Skew: a third of all events hit product 7.
            Long product = random.nextInt(100) == 0 ? null : random.nextInt(3) == 0 ? 7L : (long) random.nextInt(1, 2_200);
            Instant ts = NOW.minus(random.nextInt(0, 60 * 24 * 60), ChronoUnit.MINUTES);
            rows.add(Row.of((long) random.nextInt(20_000), product, EVENT_TYPES[random.nextInt(EVENT_TYPES.length)], ts,
                    random.nextInt(1, 10_000) / 100.0));
        }
        return rows;
    }

    private static List<Row> products(SplittableRandom random) {
        List<Row> rows = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            rows.add(Row.of(id, random.nextInt(40) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)],
                    "brand" + random.nextInt(30), random.nextInt(100, 100_000) / 100.0));
        }
        rows.add(Row.of(null, "toys", "nobrand", 1.0)); // a NULL key never matches
        return rows;
    }
}
