package io.spindle.plan.analysis;

import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.NamedExpression;
import io.spindle.plan.expr.UnresolvedColumn;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Union;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a logical plan: column names to the ids of child columns (ignoring case, with a
 * did-you-mean on a miss), implicit casts ({@link TypeCoercion}), names for computed columns, and
 * the checks that make a plan executable (boolean filters, grouping rules, union arity).
 * Analysis is idempotent, so a Dataset can analyze eagerly after each call.
 */
public final class Analyzer {

    public LogicalPlan analyze(LogicalPlan plan) {
        return plan.transformUp(this::resolveNode);
    }

    private LogicalPlan resolveNode(LogicalPlan node) {
        List<ColumnRef> input = new ArrayList<>();
        for (LogicalPlan child : node.children()) {
            input.addAll(child.output());
        }
        LogicalPlan resolved = node.mapExpressions(expression -> expression.transformUp(part ->
                part instanceof UnresolvedColumn column ? (node instanceof io.spindle.plan.logical.Join join
                        ? JoinColumnResolver.resolve(join, column.name()) : ColumnResolver.resolve(column.name(), input))
                        : part));
        LogicalPlan coerced = resolved.mapExpressions(expression -> expression.transformUp(TypeCoercion::coerce));
        LogicalPlan named = nameOutputs(coerced);
        check(named);
        return named;
    }

    private static LogicalPlan nameOutputs(LogicalPlan node) {
        if (node instanceof Project project) {
            return Project.create(named(project.projections()), project.child());
        }
        if (node instanceof Aggregate aggregate) {
            return Aggregate.create(aggregate.groupings(), named(aggregate.aggregates()), aggregate.child());
        }
        return node;
    }

    private static List<Expression> named(List<Expression> expressions) {
        List<Expression> named = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            named.add(expression instanceof NamedExpression ? expression : Alias.create(expression, prettyName(expression)));
        }
        return named;
    }

    /** The column name Spark would give an unnamed expression: its text without column ids. */
    public static String prettyName(Expression expression) {
        String text = expression.toString().replaceAll("#\\d+", "");
        if (text.startsWith("(") && text.endsWith(")")) {
            return text; // Spark keeps the outer parentheses of a binary operator
        }
        return text;
    }

    private static void check(LogicalPlan node) {
        checkGenerators(node);
        WindowChecks.check(node);
        if (node instanceof io.spindle.plan.logical.Join join && join.condition() != null
                && join.condition().dataType().kind() != TypeKind.BOOLEAN) {
            throw new AnalysisException("Join condition " + join.condition() + " is " + join.condition().dataType()
                    + ", not boolean");
        }
        if (node instanceof Filter filter && filter.condition().dataType().kind() != TypeKind.BOOLEAN) {
            throw new AnalysisException("Filter condition " + filter.condition() + " is " + filter.condition().dataType()
                    + ", not boolean");
        }
        if (node instanceof Aggregate aggregate) {
            checkAggregate(aggregate);
        }
        if (node instanceof Project project) {
            for (Expression projection : project.projections()) {
                if (!projection.collect(AggregateCall.class).isEmpty()) {
                    throw new AnalysisException("Aggregate " + projection.collect(AggregateCall.class).get(0)
                            + " outside groupBy(...).agg(...); use agg() for aggregates");
                }
            }
        }
        if (node instanceof Union union) {
            int width = union.children().get(0).output().size();
            for (LogicalPlan child : union.children()) {
                if (child.output().size() != width) {
                    throw new AnalysisException("union needs inputs with the same number of columns: " + width
                            + " and " + child.output().size());
                }
                for (int i = 0; i < width; i++) {
                    if (!child.output().get(i).dataType().equals(union.children().get(0).output().get(i).dataType())) {
                        throw new AnalysisException("union column " + (i + 1) + " has type "
                                + union.children().get(0).output().get(i).dataType() + " in the first input but "
                                + child.output().get(i).dataType() + " in another; cast it first");
                    }
                }
            }
        }
    }

    /** split() and explode() only where their pieces are consumed: explode in a Generate, split inside it. */
    private static void checkGenerators(LogicalPlan node) {
        List<Expression> expressions = new ArrayList<>(node.expressions());
        if (node instanceof io.spindle.plan.logical.Generate generate) {
            io.spindle.plan.expr.Expression array = generate.generator().array();
            if (!(array instanceof io.spindle.plan.expr.Split split)) {
                throw new AnalysisException("explode needs split(...) as its argument (Spindle has no array columns "
                        + "yet), got " + array);
            }
            if (split.string().resolved() && split.string().dataType().kind() != TypeKind.STRING) {
                throw new AnalysisException("split needs a string, but " + split.string() + " is "
                        + split.string().dataType() + "; cast it to string first");
            }
            expressions = List.of(split.string());
        }
        for (Expression expression : expressions) {
            if (!expression.collect(io.spindle.plan.expr.Explode.class).isEmpty()) {
                throw new AnalysisException("explode(...) is only allowed as a whole column of select() or "
                        + "withColumn(), not in " + node.nodeString());
            }
            if (!expression.collect(io.spindle.plan.expr.Split.class).isEmpty()) {
                throw new AnalysisException("split(...) makes an array, and Spindle has no array columns yet: use "
                        + "explode(split(...)) or split(...).getItem(i) in " + node.nodeString());
            }
        }
    }

    /** Outside aggregate calls, aggregate expressions may only use grouping expressions. */
    private static void checkAggregate(Aggregate aggregate) {
        for (Expression grouping : aggregate.groupings()) {
            if (!grouping.collect(AggregateCall.class).isEmpty()) {
                throw new AnalysisException("groupBy cannot use an aggregate: " + grouping);
            }
        }
        for (Expression expression : aggregate.aggregates()) {
            checkGrouped(expression, aggregate.groupings());
        }
    }

    private static void checkGrouped(Expression expression, List<Expression> groupings) {
        if (groupings.contains(expression)) {
            return;
        }
        if (expression instanceof AggregateCall call) {
            if (!call.argument().collect(AggregateCall.class).isEmpty()) {
                throw new AnalysisException("Aggregates cannot be nested: " + call);
            }
            return;
        }
        if (expression instanceof ColumnRef column) {
            throw new AnalysisException("Column '" + column.name() + "' must be in groupBy(...) or inside an "
                    + "aggregate function such as first() or max()");
        }
        for (Expression child : expression.children()) {
            checkGrouped(child, groupings);
        }
    }
}
