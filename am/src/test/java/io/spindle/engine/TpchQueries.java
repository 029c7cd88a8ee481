package io.spindle.engine;

import static io.spindle.api.functions.avg;
import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;

import io.spindle.api.Dataset;
import java.math.BigDecimal;
import java.time.LocalDate;

/** TPC-H Q1 and Q6 in the Dataset API, as a Spark user would write them. */
final class TpchQueries {
    private TpchQueries() {}

    static Dataset q1(Dataset lineitem) {
        return lineitem.filter(col("l_shipdate").leq(lit(LocalDate.of(1998, 9, 2))))
                .groupBy("l_returnflag", "l_linestatus")
                .agg(sum("l_quantity").as("sum_qty"),
                        sum("l_extendedprice").as("sum_base_price"),
                        sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount")))).as("sum_disc_price"),
                        sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount")))
                                .multiply(lit(1).plus(col("l_tax")))).as("sum_charge"),
                        avg("l_quantity").as("avg_qty"),
                        avg("l_extendedprice").as("avg_price"),
                        avg("l_discount").as("avg_disc"),
                        count("*").as("count_order"))
                .orderBy("l_returnflag", "l_linestatus");
    }

    static Dataset q6(Dataset lineitem) {
        return lineitem.filter(col("l_shipdate").geq(lit(LocalDate.of(1994, 1, 1)))
                        .and(col("l_shipdate").lt(lit(LocalDate.of(1995, 1, 1))))
                        .and(col("l_discount").between(new BigDecimal("0.05"), new BigDecimal("0.07")))
                        .and(col("l_quantity").lt(24)))
                .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue"));
    }
}
