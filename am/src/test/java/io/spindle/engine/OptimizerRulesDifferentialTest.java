package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.countDistinct;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.not;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every optimizer rule keeps results equal: each query below is one where the rule fires (the
 * optimized plan with the rule differs from the one with the rule switched off through
 * {@code spindle.optimizer.excludedRules}), and both runs must give DuckDB's answer over the same
 * Parquet files. The data has NULL keys and strings, so the outer-join and three-valued-logic
 * hazards of the pushdown rules show up as wrong rows. Values of {@code v} are halves, so sums of
 * doubles are exact in any order.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OptimizerRulesDifferentialTest {
    private static final int ROWS = 3000;

    @TempDir
    static Path directory;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("optimizer-rules-differential");

    @BeforeAll
    static void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Row> facts = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Integer k = random.nextInt(10) == 0 ? null : random.nextInt(20);
            String s = random.nextInt(8) == 0 ? null : "s" + random.nextInt(30);
            facts.add(Row.of((long) i, k, s, random.nextInt(200) / 2.0, LocalDate.of(2026, 1, 1).plusDays(i % 90)));
        }
        engine.session().createDataset(facts, Schema.of(Field.of("id", DataType.LONG), Field.of("k", DataType.INT),
                Field.of("s", DataType.STRING), Field.of("v", DataType.DOUBLE), Field.of("d", DataType.DATE)))
                .repartition(3).write().parquet(directory.resolve("t").toString());
        List<Row> dimension = new ArrayList<>();
        for (int k = 0; k < 30; k += 2) {
            dimension.add(Row.of(k, k % 3 == 0 ? null : "name" + k));
        }
        dimension.add(Row.of(null, "nobody"));
        engine.session().createDataset(dimension, Schema.of(Field.of("uk", DataType.INT), Field.of("name",
                DataType.STRING)))
                .write().parquet(directory.resolve("u").toString());
    }

    private static Dataset t() {
        return engine.session().read().parquet(directory.resolve("t").toString());
    }

    private static Dataset u() {
        return engine.session().read().parquet(directory.resolve("u").toString());
    }

    private static String tables(String sql) {
        return sql.replace("{t}", "read_parquet('" + directory.resolve("t") + "/*.parquet')")
                .replace("{u}", "read_parquet('" + directory.resolve("u") + "/*.parquet')");
    }

    /**
     * Runs the query with every rule on and with {@code rule} off: the optimized plans differ (the
     * rule fired) and both answers equal DuckDB's, in order when {@code ordered}.
     */
    private static void check(String rule, Supplier<Dataset> query, String duckDbSql, boolean ordered) throws Exception {
        List<Row> expected = engine.duckdb().query(tables(duckDbSql));
        String onPlan = optimizedWithout(Set.of(), query);
        List<Row> on = query.get().collectAsList();
        String offPlan = optimizedWithout(Set.of(rule), query);
        List<Row> off = query.get().collectAsList();
        assertThat(onPlan).as("%s should fire in this query", rule).isNotEqualTo(offPlan);
        for (List<Row> actual : List.of(on, off)) {
            if (ordered) {
                assertThat(actual).as("%s on:%n%s%noff:%n%s", rule, onPlan, offPlan).containsExactlyElementsOf(expected);
            } else {
                assertThat(actual).as("%s on:%n%s%noff:%n%s", rule, onPlan, offPlan)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    private static String optimizedWithout(Set<String> rules, Supplier<Dataset> query) {
        engine.adjust(s -> s.withExcludedRules(rules));
        return query.get().queryExecution().optimized().treeString();
    }

    @Test
    void constantFolding() throws Exception {
        check("ConstantFolding", () -> t().filter(col("v").gt(lit(40).plus(lit(2)))).select("id", "v"),
                "SELECT id, v FROM {t} WHERE v > 40 + 2", false);
    }

    @Test
    void simplifyBooleanExpressionsUnderNulls() throws Exception {
        check("SimplifyBooleanExpressions", () -> t().filter(col("k").gt(5).and(lit(true))
                .or(lit(false)).and(not(not(col("s").isNotNull())))).select("id", "k", "s"),
                "SELECT id, k, s FROM {t} WHERE k > 5 AND s IS NOT NULL", false);
    }

    @Test
    void combineFilters() throws Exception {
        check("CombineFilters", () -> t().filter(col("k").gt(5)).filter(col("s").isNotNull()).select("id", "s"),
                "SELECT id, s FROM {t} WHERE k > 5 AND s IS NOT NULL", false);
    }

    @Test
    void pushFilterThroughProject() throws Exception {
        check("PushFilterThroughProject", () -> t().withColumn("k2", col("k").multiply(2)).filter(col("k2").gt(20))
                .select("id", "k2"), "SELECT id, k * 2 FROM {t} WHERE k * 2 > 20", false);
    }

    @Test
    void pushFilterThroughLeftJoinKeepsNullSupplyingSideConditionsAbove() throws Exception {
        check("PushFilterThroughJoin", () -> {
            Dataset t = t();
            Dataset u = u();
            return t.join(u, t.col("k").equalTo(u.col("uk")).and(u.col("name").notEqual("name4")), "left")
                    .filter(col("v").gt(50).and(col("name").isNull()))
                    .select("id", "k", "name");
        }, "SELECT id, k, name FROM {t} LEFT JOIN {u} ON k = uk AND name <> 'name4' WHERE v > 50 AND name IS NULL",
                false);
    }

    @Test
    void pushFilterThroughInnerJoin() throws Exception {
        check("PushFilterThroughJoin", () -> {
            Dataset t = t();
            Dataset u = u();
            return t.join(u, t.col("k").equalTo(u.col("uk"))).filter(col("v").lt(20).and(col("name").like("name1%")))
                    .select("id", "name");
        }, "SELECT id, name FROM {t} JOIN {u} ON k = uk WHERE v < 20 AND name LIKE 'name1%'", false);
    }

    @Test
    void pushFilterThroughAntiJoinOnConditionOnlyToTheRight() throws Exception {
        check("PushFilterThroughJoin", () -> {
            Dataset t = t();
            Dataset u = u();
            return t.join(u, t.col("k").equalTo(u.col("uk")).and(u.col("name").isNotNull())
                    .and(t.col("v").gt(10)), "left_anti").select("id");
        }, "SELECT id FROM {t} WHERE NOT EXISTS (SELECT 1 FROM {u} WHERE k = uk AND name IS NOT NULL AND v > 10)",
                false);
    }

    @Test
    void pushFilterThroughAggregateOnlyOnGroupingColumns() throws Exception {
        check("PushFilterThroughAggregate", () -> t().groupBy("k").agg(sum(col("v")).as("total"), count(col("s")).as("n"))
                .filter(col("k").geq(3).and(col("total").gt(1500))),
                "SELECT k, sum(v) AS total, count(s) AS n FROM {t} GROUP BY k HAVING k >= 3 AND sum(v) > 1500", false);
    }

    @Test
    void aFilterOnAGlobalAggregateStaysAbove() throws Exception {
        Supplier<Dataset> query = () -> t().filter(col("id").lt(0)).agg(count(col("id")).as("n")).filter(col("n").geq(0));
        List<Row> expected = engine.duckdb().query(tables("SELECT * FROM (SELECT count(id) AS n FROM {t} WHERE id < 0) "
                + "WHERE n >= 0"));
        assertThat(expected).hasSize(1);
        assertThat(query.get().collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void pushFilterThroughUnionIntoBothInputs() throws Exception {
        check("PushFilterThroughUnion", () -> t().select("k", "s").union(u().select("uk", "name"))
                .filter(col("k").geq(10).and(col("s").isNotNull())),
                "SELECT * FROM (SELECT k, s FROM {t} UNION ALL SELECT uk, name FROM {u}) WHERE k >= 10 "
                        + "AND s IS NOT NULL", false);
    }

    @Test
    void combineLimits() throws Exception {
        check("CombineLimits", () -> t().orderBy("id").limit(20).limit(5).select("id", "v"),
                "SELECT id, v FROM {t} ORDER BY id LIMIT 5", true);
    }

    @Test
    void pushLimitThroughProject() throws Exception {
        check("PushLimitThroughProject", () -> t().orderBy(col("v").desc(), col("id")).select(col("id"),
                col("v").multiply(2).as("v2")).limit(7),
                "SELECT id, v * 2 FROM {t} ORDER BY v DESC, id LIMIT 7", true);
    }

    @Test
    void pushLimitThroughUnionTakesRowsOfTheUnion() throws Exception {
        Supplier<Dataset> query = () -> t().select("k", "s").union(u().select("uk", "name")).limit(10);
        List<Row> all = engine.duckdb().query(tables("SELECT k, s FROM {t} UNION ALL SELECT uk, name FROM {u}"));
        String onPlan = optimizedWithout(Set.of(), query);
        List<Row> on = query.get().collectAsList();
        String offPlan = optimizedWithout(Set.of("PushLimitThroughUnion"), query);
        List<Row> off = query.get().collectAsList();
        assertThat(onPlan).isNotEqualTo(offPlan);
        for (List<Row> actual : List.of(on, off)) {
            assertThat(actual).hasSize(10);
            assertThat(all).containsAll(actual); // which 10 rows is not defined, as in Spark and DuckDB
        }
    }

    @Test
    void collapseProjects() throws Exception {
        check("CollapseProjects", () -> t().select(col("v").plus(1).as("a"), col("id"))
                .select(col("a").multiply(2).as("b"), col("id")),
                "SELECT (v + 1) * 2, id FROM {t}", false);
    }

    @Test
    void pruneColumns() throws Exception {
        check("PruneColumns", () -> t().filter(col("d").gt(lit(LocalDate.of(2026, 3, 1)))).select("id", "s"),
                "SELECT id, s FROM {t} WHERE d > DATE '2026-03-01'", false);
    }

    @Test
    void pushFilterIntoScan() throws Exception {
        check("PushFilterIntoScan", () -> t().filter(col("id").lt(100).and(col("s").equalTo("s3"))),
                "SELECT * FROM {t} WHERE id < 100 AND s = 's3'", false);
    }

    @Test
    void rewriteDistinctAggregates() throws Exception {
        Supplier<Dataset> query = () -> t().groupBy("k").agg(countDistinct(col("s")).as("n"));
        List<Row> expected = engine.duckdb().query(tables("SELECT k, count(DISTINCT s) FROM {t} GROUP BY k"));
        assertThat(query.get().collectAsList()).containsExactlyInAnyOrderElementsOf(expected);
        engine.adjust(s -> s.withExcludedRules(Set.of("RewriteDistinctAggregates")));
        assertThat(query.get().queryExecution().optimized().treeString()).contains("count(DISTINCT");
    }

    /** Shapes that trip pushdown and pruning: each gives DuckDB's answer with every rule on and with every rule off. */
    @Test
    void edgeShapesMatchDuckDbWithAllRulesOnAndOff() throws Exception {
        List<Supplier<Dataset>> queries = List.of(
                () -> t().select(lit(1).as("one")),
                () -> t().agg(count(lit(1)).as("n")),
                () -> t().filter(col("k").isNull()).agg(count(lit(1)).as("n")),
                () -> u().crossJoin(t().filter(col("id").lt(10))).select(lit(2).as("two")),
                () -> t().withColumnRenamed("k", "kk").filter(col("kk").gt(5)).groupBy("kk").count(),
                () -> t().select("id").union(t().select("id")).filter(col("id").lt(3)),
                () -> t().select("k", "s").union(t().select("k", "s")).groupBy("k").count().filter(col("k").lt(4)),
                () -> t().drop("nope").filter(col("v").gt(99)).select("id", "v"),
                () -> t().limit(5).filter(col("id").geq(0)).agg(count(lit(1)).as("n")),
                () -> t().filter(col("s").isNull()).select("id", "s").limit(1000).filter(col("id").lt(500)).select("id"),
                () -> t().join(t().filter(col("v").gt(90)), List.of("id"), "inner").select("id"),
                () -> t().join(t().filter(col("v").gt(90)), List.of("k"), "left").filter(col("k").lt(3))
                        .agg(count(lit(1)).as("n")),
                () -> t().union(t().filter(col("v").gt(95))).filter(col("k").equalTo(4)).select("id"));
        List<String> sql = List.of(
                "SELECT 1 FROM {t}",
                "SELECT count(*) FROM {t}",
                "SELECT count(*) FROM {t} WHERE k IS NULL",
                "SELECT 2 FROM {u} CROSS JOIN (SELECT * FROM {t} WHERE id < 10)",
                "SELECT k, count(*) FROM {t} WHERE k > 5 GROUP BY k",
                "SELECT id FROM {t} WHERE id < 3 UNION ALL SELECT id FROM {t} WHERE id < 3",
                "SELECT k, count(*) * 2 FROM {t} WHERE k < 4 GROUP BY k",
                "SELECT id, v FROM {t} WHERE v > 99",
                "SELECT 5::BIGINT",
                "SELECT id FROM {t} WHERE s IS NULL AND id < 500",
                "SELECT a.id FROM {t} a JOIN (SELECT * FROM {t} WHERE v > 90) b ON a.id = b.id",
                "SELECT count(*) FROM {t} a LEFT JOIN (SELECT * FROM {t} WHERE v > 90) b ON a.k = b.k WHERE a.k < 3",
                "SELECT id FROM (SELECT * FROM {t} UNION ALL SELECT * FROM {t} WHERE v > 95) WHERE k = 4");
        Set<String> everyRule = Set.copyOf(io.spindle.plan.optimizer.Optimizer.ruleNames());
        for (int i = 0; i < queries.size(); i++) {
            List<Row> expected = engine.duckdb().query(tables(sql.get(i)));
            assertThat(expected).as(sql.get(i)).isNotEmpty();
            for (Set<String> excluded : List.of(Set.<String>of(), everyRule)) {
                engine.adjust(s -> s.withExcludedRules(excluded));
                Dataset query = queries.get(i).get();
                assertThat(query.collectAsList()).as("query %d with %s excluded:%n%s", i, excluded,
                        query.queryExecution().optimized().treeString()).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }
}
