package io.spindle.runtime.exec;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.plan.physical.FileScanReader;
import io.spindle.plan.physical.FileScanExec;
import io.spindle.plan.physical.FilterExec;
import io.spindle.plan.physical.HashAggregateExec;
import io.spindle.plan.physical.LimitExec;
import io.spindle.plan.physical.LocalRelationExec;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ProjectExec;
import io.spindle.plan.physical.RangeExec;
import io.spindle.plan.physical.ShuffleExchangeExec;
import io.spindle.plan.physical.ShuffleReadExec;
import io.spindle.plan.physical.SortExec;
import io.spindle.plan.physical.TopNExec;
import io.spindle.plan.physical.UnionExec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Turns a bound stage fragment into a pipeline of operators: the one place physical nodes meet operators. */
public final class PipelineBuilder {
    private final ExecutionContext context;

    public PipelineBuilder(ExecutionContext context) {
        this.context = context;
    }

    public Pipeline build(PhysicalPlan fragment) {
        List<Operator> operators = new ArrayList<>();
        addOperators(fragment, operators);
        return new Pipeline(operators);
    }

    private void addOperators(PhysicalPlan node, List<Operator> operators) {
        if (node instanceof io.spindle.plan.physical.HashJoinExec join) {
            addOperators(join.probeSide(), operators); // the probe side streams; the build side is its own pipeline
            operators.add(JoinOperators.hashJoin(join, build(join.buildSide()), context));
            return;
        }
        if (node.children().size() == 1 && !(node instanceof UnionExec)) {
            addOperators(node.children().get(0), operators);
        }
        operators.add(operatorFor(node));
    }

    private Operator operatorFor(PhysicalPlan node) {
        int batchRows = context.settings().batchSize();
        if (node instanceof FileScanExec scan) {
            return new Sources.FileScan(new FileScanReader(scan, context.hadoopConf(), batchRows));
        }
        if (node instanceof LocalRelationExec local) {
            return new Sources.Local(local.rows(), Schemas.positional(local.output()));
        }
        if (node instanceof io.spindle.plan.physical.RowsScanExec scan) {
            java.util.Iterator<Object[]> rows = scan.readsNothing() ? java.util.Collections.emptyIterator()
                    : scan.rows().rows(scan.partition(), context.taskContext());
            return new Sources.Rows(rows, Schemas.positional(scan.output()), batchRows);
        }
        if (node instanceof RangeExec range) {
            return new Sources.Range(Schemas.positional(range.output()), range.start(), range.step(), range.count(),
                    batchRows);
        }
        if (node instanceof ShuffleReadExec read) {
            return shuffleRead(read);
        }
        if (node instanceof io.spindle.plan.physical.CachedScanExec cached) {
            return new CachedScanOperator(cached, context);
        }
        if (node instanceof UnionExec union) {
            List<Pipeline> inputs = new ArrayList<>();
            for (PhysicalPlan child : union.children()) {
                inputs.add(build(child));
            }
            return new Sources.Union(inputs);
        }
        if (node instanceof FilterExec filter) {
            return new FilterOperator(FilterConjunct.compile(filter.condition()),
                    Schemas.positional(filter.output()));
        }
        if (node instanceof ProjectExec project) {
            return new ProjectOperator(compileAll(project.projections()), Schemas.positional(project.output()));
        }
        if (node instanceof HashAggregateExec aggregate) {
            return aggregation(aggregate);
        }
        if (node instanceof SortExec sort) {
            return new SortOperator(keys(sort.orders()), ascending(sort.orders()), nullsFirst(sort.orders()),
                    Schemas.positional(sort.output()), context.budget(), context.spillDirectory(), batchRows);
        }
        if (node instanceof TopNExec topN) {
            return new TopNOperator(topN.limit(), keys(topN.orders()), ascending(topN.orders()),
                    nullsFirst(topN.orders()), Schemas.positional(topN.output()), batchRows);
        }
        if (node instanceof io.spindle.plan.physical.WindowExec window) {
            return new WindowOperator(window, context);
        }
        if (node instanceof io.spindle.plan.physical.GenerateExec generate) {
            return new GenerateOperator(generate.generator(), Schemas.positional(generate.output()));
        }
        if (node instanceof LimitExec limit) {
            return new LimitOperator(limit.limit(), Schemas.positional(limit.output()));
        }
        if (node instanceof ShuffleExchangeExec) {
            throw new IllegalStateException("Exchanges are stage boundaries and never part of a fragment");
        }
        throw new IllegalArgumentException("No operator for " + node.nodeString());
    }

    private Operator shuffleRead(ShuffleReadExec read) {
        if (read.ranges().isEmpty()) {
            return new Sources.Local(List.of(), Schemas.positional(read.output()));
        }
        try {
            FileSystem fs = read.mapIndexFiles().isEmpty() ? FileSystem.getLocal(context.hadoopConf())
                    : new Path(read.mapIndexFiles().get(0)).getFileSystem(context.hadoopConf());
            ShuffleReadExec.PartitionRange range = read.ranges().get(0);
            List<String> indexFiles = range.allMaps() ? read.mapIndexFiles()
                    : read.mapIndexFiles().subList(range.mapStart(), range.mapEnd());
            return new Sources.ShuffleRead(fs, indexFiles, range.start(), range.end(),
                    Schemas.positional(read.output()), context.settings().shuffleCompression());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Operator aggregation(HashAggregateExec aggregate) {
        List<DataType> keyTypes = new ArrayList<>();
        List<Field> stateFields = new ArrayList<>();
        for (Expression grouping : aggregate.groupings()) {
            keyTypes.add(grouping.dataType());
            stateFields.add(new Field("c" + stateFields.size(), grouping.dataType(), true));
        }
        int[] widths = new int[aggregate.calls().size()];
        for (int a = 0; a < widths.length; a++) {
            AggregateCall call = aggregate.calls().get(a);
            List<DataType> stateTypes = call.function().stateTypes(call.argument().dataType());
            widths[a] = stateTypes.size();
            for (DataType type : stateTypes) {
                stateFields.add(new Field("c" + stateFields.size(), type, true));
            }
        }
        Schema statesSchema = new Schema(stateFields);
        Schema outputSchema = Schemas.positional(aggregate.output());
        return new SpillingHashAggregation(aggregate.mode(), keyTypes.size(), mode -> {
            boolean readsRows = mode == AggregateMode.PARTIAL;
            List<VectorEvaluator> keys = new ArrayList<>();
            for (int k = 0; k < keyTypes.size(); k++) {
                keys.add(readsRows ? EvaluatorCompiler.compile(aggregate.groupings().get(k))
                        : new ColumnEvaluator(k, keyTypes.get(k)));
            }
            List<VectorEvaluator> arguments = new ArrayList<>();
            List<Accumulator> accumulators = new ArrayList<>();
            for (AggregateCall call : aggregate.calls()) {
                accumulators.add(Accumulator.create(call.function(), call.argument().dataType()));
                arguments.add(readsRows ? EvaluatorCompiler.compile(call.argument()) : null);
            }
            Schema schema = mode == aggregate.mode() || aggregate.mode() == AggregateMode.FINAL ? outputSchema
                    : statesSchema;
            return new HashAggregationOperator(mode, keys, keyTypes, arguments, accumulators, widths, schema,
                    context.budget());
        }, statesSchema, context.budget(), context.spillDirectory());
    }

    private static List<VectorEvaluator> compileAll(List<Expression> expressions) {
        List<VectorEvaluator> compiled = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            compiled.add(EvaluatorCompiler.compile(expression));
        }
        return compiled;
    }

    private static List<VectorEvaluator> keys(List<SortOrder> orders) {
        return compileAll(orders.stream().map(SortOrder::expression).toList());
    }

    private static boolean[] ascending(List<SortOrder> orders) {
        boolean[] flags = new boolean[orders.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = orders.get(i).ascending();
        }
        return flags;
    }

    private static boolean[] nullsFirst(List<SortOrder> orders) {
        boolean[] flags = new boolean[orders.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = orders.get(i).nullsFirst();
        }
        return flags;
    }
}
