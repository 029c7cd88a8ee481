package io.spindle.api;

import java.util.List;

/** Builds window specifications, as Spark's {@code Window}: {@code Window.partitionBy("user").orderBy("ts")}. */
public final class Window {
    private Window() {}

    public static WindowSpec partitionBy(Column... columns) {
        return new WindowSpec(List.of(), List.of()).partitionBy(columns);
    }

    public static WindowSpec partitionBy(String... names) {
        return new WindowSpec(List.of(), List.of()).partitionBy(names);
    }

    /** One window over all rows (they are gathered into one task). */
    public static WindowSpec orderBy(Column... columns) {
        return new WindowSpec(List.of(), List.of()).orderBy(columns);
    }

    public static WindowSpec orderBy(String... names) {
        return new WindowSpec(List.of(), List.of()).orderBy(names);
    }
}
