package io.spindle.jobs.examples;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;

import io.spindle.api.Dataset;
import io.spindle.api.Session;

/**
 * The README's Dataset example, compiled so that it stays true:
 * {@code AddToCartByCategory <events parquet> <products parquet> <output>}.
 */
public final class AddToCartByCategory {

    private AddToCartByCategory() {
    }

    public static void main(String[] args) {
        try (Session session = Session.builder().appName("funnel").getOrCreate()) {
            Dataset events = session.read().parquet(args[0]);
            Dataset products = session.read().parquet(args[1]);
            events.filter(col("event_type").equalTo(lit("add_to_cart")))
                  .join(products.select("product_id", "category"), "product_id")
                  .groupBy("category")
                  .agg(count(lit(1)).as("carts"), sum(col("price")).as("revenue"))
                  .orderBy(col("carts").desc())
                  .write().parquet(args[2]);
        }
    }
}
