package io.spindle.plan.physical;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.NamedExpression;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LocalRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Range;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.logical.Sort;
import io.spindle.plan.logical.Union;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an optimized logical plan into a physical plan with exchanges where distributions require
 * them. Aggregates become partial → exchange → final; a limit over a sort becomes a top-N; global
 * sorts and limits run on one partition.
 */
public final class PhysicalPlanner {
    /** Rows per partition of a local relation, so a small one stays one task. */
    private static final int LOCAL_ROWS_PER_PARTITION = 100_000;

    private final PlanningContext context;

    public PhysicalPlanner(PlanningContext context) {
        this.context = context;
    }

    /** The physical plan with exchanges, still referring to columns by id (explain prints this). */
    public PhysicalPlan plan(LogicalPlan logical) {
        return EnsureRequirements.apply(toPhysical(logical));
    }

    private PhysicalPlan toPhysical(LogicalPlan node) {
        if (node instanceof Scan scan) {
            return scan(scan);
        }
        if (node instanceof io.spindle.plan.logical.TableScan tableScan) {
            return new TableScanPlanner(context).plan(tableScan);
        }
        if (node instanceof LocalRelation relation) {
            int partitions = Math.max(1, Math.min(context.defaultParallelism(),
                    (relation.rows().size() + LOCAL_ROWS_PER_PARTITION - 1) / LOCAL_ROWS_PER_PARTITION));
            return new LocalRelationExec(relation.output(), relation.rows(), partitions);
        }
        if (node instanceof io.spindle.plan.logical.RowsRelation relation) {
            return RowsScanExec.create(relation.output(), relation.rows());
        }
        if (node instanceof Range range) {
            int partitions = range.partitions() > 0 ? range.partitions() : context.defaultParallelism();
            return new RangeExec(range.column(), range.start(), range.end(), range.step(), partitions, range.count());
        }
        if (node instanceof Project project) {
            return new ProjectExec(project.projections(), project.output(), toPhysical(project.child()));
        }
        if (node instanceof Filter filter) {
            return new FilterExec(filter.condition(), toPhysical(filter.child()));
        }
        if (node instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (node instanceof Sort sort) {
            return new SortExec(sort.orders(), true, toPhysical(sort.child()));
        }
        if (node instanceof Limit limit) {
            if (limit.child() instanceof Sort sort) {
                PhysicalPlan child = toPhysical(sort.child());
                return new TopNExec(limit.limit(), sort.orders(), true,
                        new TopNExec(limit.limit(), sort.orders(), false, child));
            }
            return new LimitExec(limit.limit(), true, new LimitExec(limit.limit(), false, toPhysical(limit.child())));
        }
        if (node instanceof io.spindle.plan.logical.Join join) {
            return new JoinPlanner(new SizeEstimator(context.hadoopConf()), context).plan(join, this::toPhysical);
        }
        if (node instanceof io.spindle.plan.logical.CachedRelation cached) {
            return new CachedScanExec(cached.cacheId(), cached.output(), cached.blocks());
        }
        if (node instanceof io.spindle.plan.logical.Window window) {
            return new WindowExec(window.windowExpressions(), window.spec(), window.output(),
                    toPhysical(window.child()));
        }
        if (node instanceof io.spindle.plan.logical.Generate generate) {
            return new GenerateExec(generate.generator(), generate.output(), toPhysical(generate.child()));
        }
        if (node instanceof io.spindle.plan.logical.Repartition repartition) {
            PhysicalPlan child = toPhysical(repartition.child());
            return repartition.shuffle() ? new ShuffleExchangeExec(repartition.partitions() > 0
                    ? Partitioning.fixed(repartition.keys(), repartition.partitions())
                    : Partitioning.hash(repartition.keys()), child) : new CoalesceExec(repartition.partitions(), child);
        }
        if (node instanceof Union union) {
            List<PhysicalPlan> children = new ArrayList<>();
            for (LogicalPlan child : union.children()) {
                children.add(toPhysical(child));
            }
            return new UnionExec(union.output(), children);
        }
        throw new IllegalArgumentException("No physical plan for " + node.nodeString());
    }

    private PhysicalPlan scan(Scan scan) {
        return new FileScanPlanner(context).plan(scan);
    }

    /**
     * Aggregate(groupings, aggregates) becomes
     * Project(results) ← HashAggregate(final) ← [exchange] ← HashAggregate(partial) ← Project(keys, arguments).
     */
    private PhysicalPlan aggregate(Aggregate aggregate) {
        PhysicalPlan child = toPhysical(aggregate.child());
        List<Expression> preProjection = new ArrayList<>();
        List<ColumnRef> keys = new ArrayList<>();
        Map<Expression, ColumnRef> keyByGrouping = new LinkedHashMap<>();
        for (Expression grouping : aggregate.groupings()) {
            ColumnRef key = grouping instanceof ColumnRef ref ? ref : Alias.create(grouping, "key").toAttribute();
            preProjection.add(grouping instanceof ColumnRef ? grouping : new Alias(grouping, key.name(), key.id()));
            keys.add(key);
            keyByGrouping.put(grouping, key);
        }
        Map<AggregateCall, ColumnRef> resultByCall = new LinkedHashMap<>();
        List<AggregateCall> partialCalls = new ArrayList<>();
        for (Expression expression : aggregate.aggregates()) {
            for (AggregateCall call : expression.collect(AggregateCall.class)) {
                if (resultByCall.containsKey(call)) {
                    continue;
                }
                if (call.distinct()) {
                    throw new UnsupportedOperationException(call + " needs the optimizer rule RewriteDistinctAggregates, "
                            + "which is switched off");
                }
                resultByCall.put(call, ColumnRef.create(call.toString().replaceAll("#\\d+", ""), call.dataType(),
                        call.nullable()));
                Expression argument = call.argument();
                if (!(argument instanceof ColumnRef) && !(argument instanceof Literal)) {
                    Alias alias = Alias.create(argument, "arg");
                    preProjection.add(alias);
                    argument = alias.toAttribute();
                } else if (argument instanceof ColumnRef ref && !preProjection.contains(ref)) {
                    preProjection.add(ref);
                }
                partialCalls.add(new AggregateCall(call.function(), argument, call.distinct()));
            }
        }
        List<ColumnRef> preOutput = preProjection.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
        PhysicalPlan input = new ProjectExec(preProjection, preOutput, child);

        List<ColumnRef> partialOutput = new ArrayList<>(keys);
        for (AggregateCall call : partialCalls) {
            int index = 0;
            for (var type : call.function().stateTypes(call.argument().dataType())) {
                partialOutput.add(ColumnRef.create(call.function().displayName() + "_state" + index++, type, true));
            }
        }
        PhysicalPlan partial = new HashAggregateExec(AggregateMode.PARTIAL, new ArrayList<Expression>(keys), partialCalls, partialOutput, input);
        List<ColumnRef> finalOutput = new ArrayList<>(keys);
        finalOutput.addAll(resultByCall.values());
        PhysicalPlan merged = new HashAggregateExec(AggregateMode.FINAL, new ArrayList<Expression>(keys), partialCalls, finalOutput, partial);

        List<Expression> results = new ArrayList<>();
        for (Expression expression : aggregate.aggregates()) {
            results.add(expression.transformDown(part -> {
                if (part instanceof AggregateCall call) {
                    return resultByCall.get(call);
                }
                ColumnRef key = part instanceof NamedExpression ? null : keyByGrouping.get(part);
                return key != null ? key : part;
            }));
        }
        return new ProjectExec(results, aggregate.output(), merged);
    }
}
