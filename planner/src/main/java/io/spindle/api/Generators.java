package io.spindle.api;

import io.spindle.plan.analysis.AnalysisException;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Explode;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.Generate;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * A select whose columns include a generator ({@code explode}) becomes a projection over a
 * {@link Generate}, as in Spark: {@code select(col("id"), explode(split(col("tags"), ",")).as("tag"))}
 * is {@code Project [id, tag] ← Generate explode(...) as tag ← child}. Only one generator per
 * select, and only as a whole column.
 */
final class Generators {
    private Generators() {}

    static LogicalPlan project(List<Expression> originalProjections, LogicalPlan originalChild) {
        Windows.Lifted lifted = Windows.lift(originalProjections, originalChild);
        List<Expression> projections = lifted.projections();
        LogicalPlan child = lifted.child();
        int generatorIndex = -1;
        for (int i = 0; i < projections.size(); i++) {
            Expression projection = projections.get(i);
            Expression unaliased = projection instanceof Alias alias ? alias.child() : projection;
            boolean whole = unaliased instanceof Explode;
            if (!whole && !projection.collect(Explode.class).isEmpty()) {
                throw new AnalysisException("explode(...) must be a whole column of select, not part of "
                        + projection + "; explode first, then compute with the new column");
            }
            if (whole) {
                if (generatorIndex >= 0) {
                    throw new AnalysisException("Only one explode(...) per select, as in Spark: "
                            + projections.get(generatorIndex) + " and " + projection);
                }
                generatorIndex = i;
            }
        }
        if (generatorIndex < 0) {
            return Project.create(projections, child);
        }
        Expression projection = projections.get(generatorIndex);
        Explode explode = (Explode) (projection instanceof Alias alias ? alias.child() : projection);
        if (!(explode.array() instanceof io.spindle.plan.expr.Split)) {
            throw new AnalysisException("explode needs split(...) as its argument (Spindle has no array columns "
                    + "yet), got " + explode.array());
        }
        String name = projection instanceof Alias alias ? alias.name() : "col";
        ColumnRef generated = ColumnRef.create(name, io.spindle.formats.types.DataType.STRING, true);
        List<Expression> rewritten = new ArrayList<>(projections);
        rewritten.set(generatorIndex, generated);
        return Project.create(rewritten, Generate.create(explode, generated, child));
    }
}
