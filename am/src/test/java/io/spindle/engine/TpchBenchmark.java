package io.spindle.engine;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Not a test: TPC-H Q1 and Q6 on a generated ~6M-row lineitem on local[2]; one warm-up and five
 * timed runs each, printing the median. Run with
 * {@code java -cp <test classpath> io.spindle.engine.TpchBenchmark [rows] [dataDir]}.
 */
public final class TpchBenchmark {
    private TpchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 6_000_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("spindle-bench-");
        Path lineitem = data.resolve("lineitem-" + rows);
        if (!Files.exists(lineitem)) {
            Files.createDirectories(lineitem);
            long start = System.nanoTime();
            Lineitem.write(lineitem, rows, 8, 7);
            System.out.printf("generated %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
        try (Session session = Session.builder().master("local[2]").appName("tpch-bench").getOrCreate()) {
            Dataset table = session.read().parquet(lineitem.toString());
            run("Q1", () -> TpchQueries.q1(table).collectAsList());
            run("Q6", () -> TpchQueries.q6(table).collectAsList());
        }
    }

    private static void run(String name, java.util.function.Supplier<List<Row>> query) {
        List<Row> first = query.get(); // warm-up
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            List<Row> result = query.get();
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (!result.equals(first)) {
                throw new IllegalStateException(name + " gave different results across runs");
            }
        }
        Collections.sort(millis);
        System.out.printf("%s: median %d ms (runs %s), %d result rows%n", name, millis.get(2), millis, first.size());
    }

}
