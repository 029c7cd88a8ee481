package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.countDistinct;
import static io.spindle.api.functions.row_number;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.api.Window;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.AnalysisException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An unknown column or table fails where the query names it, in every place a name can appear,
 * with an error that names it and suggests the closest existing name. {@code drop} and
 * {@code withColumnRenamed} of an unknown column are no-ops, as in Spark (checked against the
 * unchanged data).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnalysisErrorsTest {
    private static final Schema PRODUCTS = Schema.of(Field.of("product_id", DataType.LONG),
            Field.of("category", DataType.STRING), Field.of("price", DataType.DOUBLE));
    private static final Schema EVENTS = Schema.of(Field.of("event_product", DataType.LONG),
            Field.of("quantity", DataType.INT));
    private static Session session;

    @BeforeAll
    static void setUp() {
        session = Session.builder().master("local[1]").appName("analysis-errors").getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        session.stop();
    }

    private static Dataset products() {
        return session.createDataset(List.of(Row.of(1L, "books", 9.5), Row.of(2L, "games", 20.0)), PRODUCTS);
    }

    private static Dataset events() {
        return session.createDataset(List.of(Row.of(1L, 3), Row.of(2L, 1)), EVENTS);
    }

    private static void failsNaming(ThrowingCallable query, String unknown, String suggestion) {
        assertThatThrownBy(query).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'" + unknown + "' not found")
                .hasMessageContaining("did you mean '" + suggestion + "'?");
    }

    @Test
    void selectAndWithColumn() {
        failsNaming(() -> products().select(col("prise")), "prise", "price");
        failsNaming(() -> products().select("categroy", "price"), "categroy", "category");
        // Nothing is close to 'quantiy' here: the error names it and lists what there is.
        assertThatThrownBy(() -> products().select(col("price").multiply(col("quantiy"))))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Column 'quantiy' not found. Available: product_id, category, price");
        failsNaming(() -> products().withColumn("total", col("prices").multiply(2)), "prices", "price");
        failsNaming(() -> products().col("prodct_id"), "prodct_id", "product_id");
    }

    @Test
    void filter() {
        failsNaming(() -> products().filter(col("prise").gt(10)), "prise", "price");
        failsNaming(() -> products().where(col("category").equalTo("books").and(col("prce").lt(5))), "prce", "price");
    }

    @Test
    void groupByAndAgg() {
        failsNaming(() -> products().groupBy("categry"), "categry", "category");
        failsNaming(() -> products().groupBy(col("categry")).count(), "categry", "category");
        failsNaming(() -> products().groupBy("category").agg(sum("prise")), "prise", "price");
        failsNaming(() -> products().groupBy("category").agg(sum(col("prise")).as("total")), "prise", "price");
        failsNaming(() -> products().groupBy("category").agg(count("prodct_id")), "prodct_id", "product_id");
        failsNaming(() -> products().groupBy("category").agg(countDistinct("prodct_id")), "prodct_id", "product_id");
        failsNaming(() -> products().agg(sum("prise")), "prise", "price");
    }

    @Test
    void joinConditionsAndUsingColumns() {
        Dataset products = products();
        Dataset events = events();
        failsNaming(() -> events.join(products, col("event_prodct").equalTo(col("product_id"))),
                "event_prodct", "event_product");
        failsNaming(() -> events.join(products, col("event_product").equalTo(col("prodct_id")), "left"),
                "prodct_id", "product_id");
        failsNaming(() -> products.join(products().withColumnRenamed("price", "cost"), List.of("prodct_id"), "inner"),
                "prodct_id", "product_id");
    }

    @Test
    void orderBy() {
        failsNaming(() -> products().orderBy("prise"), "prise", "price");
        failsNaming(() -> products().orderBy(col("prise").desc()), "prise", "price");
        failsNaming(() -> products().sort(col("category"), col("prodct_id")), "prodct_id", "product_id");
    }

    @Test
    void windowSpecs() {
        failsNaming(() -> products().withColumn("rank", row_number().over(Window.partitionBy("categry").orderBy("price"))),
                "categry", "category");
        failsNaming(() -> products().withColumn("rank", row_number().over(Window.partitionBy("category")
                .orderBy(col("prise").desc()))), "prise", "price");
        failsNaming(() -> products().select(col("category"), sum(col("prise")).over(Window.partitionBy("category")
                .orderBy("price")).as("running")), "prise", "price");
    }

    @Test
    void tablesAndTempViews() {
        products().createOrReplaceTempView("products");
        assertThatThrownBy(() -> session.table("prodcts")).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Table or view not found: prodcts; did you mean 'products'? (a temp view)");
        String database = TableTestSupport.newDatabase(session, "shop");
        session.catalog().createTable(session.catalog().newTable(database + ".orders").column("id", DataType.LONG)
                .build());
        assertThatThrownBy(() -> session.table(database + ".oders")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("Table or view not found: " + database + ".oders")
                .hasMessageContaining("did you mean 'orders'?");
        String misspelt = database.substring(1);
        assertThatThrownBy(() -> session.table(misspelt + ".orders")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining(misspelt).hasMessageContaining("did you mean '" + database + "'");
    }

    @Test
    void dropAndRenameOfAnUnknownColumnAreNoOpsAsInSpark() {
        List<Row> rows = products().collectAsList();
        Dataset dropped = products().drop("prise");
        assertThat(dropped.columns()).containsExactly("product_id", "category", "price");
        assertThat(dropped.collectAsList()).isEqualTo(rows);
        Dataset renamed = products().withColumnRenamed("prise", "cost");
        assertThat(renamed.columns()).containsExactly("product_id", "category", "price");
        assertThat(renamed.collectAsList()).isEqualTo(rows);
        assertThat(products().drop("PRICE").columns()).containsExactly("product_id", "category");
        assertThat(products().withColumnRenamed("PRICE", "cost").columns()).containsExactly("product_id", "category",
                "cost");
    }
}
