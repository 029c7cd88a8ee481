package io.spindle.plan.physical;

import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LocalRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Range;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.logical.Sort;
import io.spindle.plan.logical.Union;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A rough upper bound of a plan's output bytes, for choosing join strategies: file sizes of scans
 * (on-disk, so compressed, as Spark does), 8 bytes per value for local relations and ranges, the
 * child's size through filters, projects, aggregates, sorts, repartitions and windows. Unknown inputs are huge, so they
 * are never broadcast by mistake.
 */
public final class SizeEstimator {
    public static final long UNKNOWN = Long.MAX_VALUE / 4;

    private final Configuration hadoopConf;

    public SizeEstimator(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    public long estimate(LogicalPlan plan) {
        if (plan instanceof Scan scan) {
            return scanBytes(scan);
        }
        if (plan instanceof LocalRelation relation) {
            return 8L * relation.rows().size() * Math.max(1, relation.output().size());
        }
        if (plan instanceof Range range) {
            return 8L * Math.max(0, range.count());
        }
        if (plan instanceof Filter || plan instanceof Project || plan instanceof Aggregate || plan instanceof Sort
                || plan instanceof Limit || plan instanceof io.spindle.plan.logical.Repartition
                || plan instanceof io.spindle.plan.logical.Window) {
            return estimate(plan.child());
        }
        if (plan instanceof Union || plan instanceof Join) {
            long total = 0;
            for (LogicalPlan child : plan.children()) {
                total = Math.min(UNKNOWN, total + estimate(child));
            }
            return total;
        }
        return UNKNOWN;
    }

    private long scanBytes(Scan scan) {
        long total = 0;
        try {
            for (String location : scan.paths()) {
                Path path = new Path(location);
                total += path.getFileSystem(hadoopConf).getContentSummary(path).getLength();
            }
        } catch (IOException e) {
            return UNKNOWN;
        }
        return total;
    }
}
