package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import java.util.List;

/** Computes one vector per projection; column references pass their vector through uncopied. */
public final class ProjectOperator extends StreamingOperator {
    private final List<VectorEvaluator> projections;
    private final Schema schema;

    public ProjectOperator(List<VectorEvaluator> projections, Schema schema) {
        this.projections = projections;
        this.schema = schema;
    }

    @Override
    protected ColumnBatch process(ColumnBatch batch) {
        ColumnVector[] vectors = new ColumnVector[projections.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = projections.get(i).evaluate(batch);
        }
        return new ColumnBatch(schema, vectors, batch.rowCount());
    }
}
