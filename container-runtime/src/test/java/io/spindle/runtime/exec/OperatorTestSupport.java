package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/** Runs operators over literal batches, as a pipeline would. */
final class OperatorTestSupport {
    private OperatorTestSupport() {}

    static List<List<Object>> run(List<ColumnBatch> input, Operator... operators) throws Exception {
        List<Operator> chain = new ArrayList<>();
        chain.add(new SourceOperator() {
            private int next;

            @Override
            protected ColumnBatch next() {
                return next < input.size() ? input.get(next++) : null;
            }
        });
        chain.addAll(List.of(operators));
        List<List<Object>> rows = new ArrayList<>();
        try (Pipeline pipeline = new Pipeline(chain)) {
            for (ColumnBatch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
                rows.addAll(batch.toRows());
            }
        }
        return rows;
    }
}
