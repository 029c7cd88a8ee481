package io.spindle.api;

import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.ColumnResolver;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.logical.Aggregate;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Project;
import io.spindle.plan.logical.Sort;
import io.spindle.plan.logical.Union;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lazy, immutable query, shaped like Spark's {@code Dataset<Row>}. Each transformation returns
 * a new Dataset whose plan is analyzed at once, so an unknown column fails at the call that names
 * it; actions (count, collectAsList, show, write) plan and run the query.
 */
public final class Dataset {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dataset.class);
    private final Session session;
    private final LogicalPlan plan;
    private QueryExecution execution;
    private int executionCacheVersion;

    Dataset(Session session, LogicalPlan plan) {
        this.session = session;
        this.plan = session.analyzer().analyze(plan);
    }

    Session session() {
        return session;
    }

    public LogicalPlan logicalPlan() {
        return plan;
    }

    public synchronized QueryExecution queryExecution() {
        int cacheVersion = session.cacheManager().version();
        if (execution == null || executionCacheVersion != cacheVersion) {
            execution = new QueryExecution(session, plan);
            executionCacheVersion = cacheVersion;
        }
        return execution;
    }

    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (ColumnRef column : plan.output()) {
            fields.add(new Field(column.name(), column.dataType(), column.nullable()));
        }
        return new Schema(fields);
    }

    public String[] columns() {
        return plan.output().stream().map(ColumnRef::name).toArray(String[]::new);
    }

    /** This Dataset's column {@code name}, resolved now. */
    public Column col(String name) {
        return new Column(ColumnResolver.resolve(name, plan.output()));
    }

    public Dataset select(Column... columns) {
        return new Dataset(session, Generators.project(Arrays.stream(columns).map(Column::expression).toList(), plan));
    }

    public Dataset select(String... names) {
        return select(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
    }

    public Dataset filter(Column condition) {
        return new Dataset(session, Filter.create(condition.expression(), plan));
    }

    public Dataset where(Column condition) {
        return filter(condition);
    }

    /** Adds a column, or replaces the column of that name (ignoring case) in place. */
    public Dataset withColumn(String name, Column value) {
        List<Expression> projections = new ArrayList<>();
        boolean replaced = false;
        for (ColumnRef column : plan.output()) {
            if (column.name().equalsIgnoreCase(name)) {
                projections.add(Alias.create(value.expression(), name));
                replaced = true;
            } else {
                projections.add(column);
            }
        }
        if (!replaced) {
            projections.add(Alias.create(value.expression(), name));
        }
        return new Dataset(session, Generators.project(projections, plan));
    }

    /** Renames a column; a no-op when no column has that name, as in Spark. */
    /**
     * Renames the column {@code existing} (ignoring case). As in Spark, a name that matches no column
     * is a no-op; a warning names it and the closest column.
     */
    public Dataset withColumnRenamed(String existing, String newName) {
        warnIfUnknown("withColumnRenamed", List.of(existing));
        List<Expression> projections = new ArrayList<>();
        for (ColumnRef column : plan.output()) {
            projections.add(column.name().equalsIgnoreCase(existing) ? new Alias(column, newName, column.id()) : column);
        }
        return new Dataset(session, Project.create(projections, plan));
    }

    /**
     * Drops columns by name (ignoring case). As in Spark, names that match no column are ignored; a
     * warning names them and the closest columns.
     */
    public Dataset drop(String... names) {
        warnIfUnknown("drop", Arrays.asList(names));
        List<Expression> kept = new ArrayList<>();
        for (ColumnRef column : plan.output()) {
            if (Arrays.stream(names).noneMatch(name -> name.equalsIgnoreCase(column.name()))) {
                kept.add(column);
            }
        }
        return new Dataset(session, Project.create(kept, plan));
    }

    private void warnIfUnknown(String operation, List<String> names) {
        List<String> columns = plan.output().stream().map(ColumnRef::name).toList();
        for (String name : names) {
            if (columns.stream().noneMatch(name::equalsIgnoreCase)) {
                LOG.warn("{}: no column '{}', ignored as in Spark{}", operation, name,
                        io.spindle.metastore.NameSuggestions.didYouMean(name, columns));
            }
        }
    }

    public RelationalGroupedDataset groupBy(Column... columns) {
        return new RelationalGroupedDataset(this, Arrays.stream(columns).map(Column::expression).toList());
    }

    public RelationalGroupedDataset groupBy(String... names) {
        return groupBy(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
    }

    /** Aggregates over all rows: one result row. */
    public Dataset agg(Column... aggregates) {
        return groupBy(new Column[0]).agg(aggregates);
    }

    Dataset aggregate(List<Expression> groupings, List<Expression> outputs) {
        return new Dataset(session, Aggregate.create(groupings, outputs, plan));
    }

    public Dataset orderBy(Column... columns) {
        List<SortOrder> orders = Arrays.stream(columns).map(Column::sortOrder).toList();
        return new Dataset(session, Sort.create(orders, plan));
    }

    public Dataset orderBy(String... names) {
        return orderBy(Arrays.stream(names).map(functions::col).toArray(Column[]::new));
    }

    public Dataset sort(Column... columns) {
        return orderBy(columns);
    }

    public Dataset sort(String... names) {
        return orderBy(names);
    }

    public Dataset limit(int n) {
        return new Dataset(session, Limit.create(n, plan));
    }

    /** The distinct rows, as an aggregation over every column. */
    public Dataset distinct() {
        return new Dataset(session, Deduplication.distinct(plan));
    }

    public Dataset dropDuplicates() {
        return distinct();
    }

    /** One row per distinct value of {@code names}; which duplicate survives is not defined. */
    public Dataset dropDuplicates(String... names) {
        return new Dataset(session, Deduplication.dropDuplicates(plan, names));
    }

    /** {@code partitions} partitions, rows dealt out in turn (a shuffle). */
    public Dataset repartition(int partitions) {
        return repartition(partitions, new Column[0]);
    }

    /** {@code partitions} partitions by the hash of {@code columns} (a shuffle): equal keys in one partition. */
    public Dataset repartition(int partitions, Column... columns) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("repartition needs a positive number of partitions, got " + partitions);
        }
        return new Dataset(session, io.spindle.plan.logical.Repartition.create(partitions,
                Arrays.stream(columns).map(Column::expression).toList(), true, plan));
    }

    /** Partitioned by the hash of {@code columns}, as many partitions as the data needs. */
    public Dataset repartition(Column... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("repartition needs columns or a number of partitions");
        }
        return new Dataset(session, io.spindle.plan.logical.Repartition.create(0,
                Arrays.stream(columns).map(Column::expression).toList(), true, plan));
    }

    /** At most {@code partitions} partitions by merging adjacent ones, without a shuffle. */
    public Dataset coalesce(int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("coalesce needs a positive number of partitions, got " + partitions);
        }
        return new Dataset(session, io.spindle.plan.logical.Repartition.create(partitions, List.of(), false, plan));
    }

    /**
     * Keeps this Dataset's rows once computed: the first action over it (or over a Dataset made
     * from it) runs it into blocks the executors hold, in memory within
     * {@code spindle.cache.memoryBudget} and on local disk past it; later actions read the blocks.
     * A lost block is recomputed from the plan.
     */
    public Dataset cache() {
        session.cacheManager().register(plan);
        return this;
    }

    /** The same as {@link #cache()}: memory first, local disk past the budget. */
    public Dataset persist() {
        return cache();
    }

    /** Stops using the cached rows; executors free the blocks when the next cache is written. */
    public Dataset unpersist() {
        session.cacheManager().unregister(plan);
        return this;
    }

    /** Whether this Dataset is cached. */
    public boolean isCached() {
        return session.cacheManager().isCached(plan);
    }

    /** How many times this cached Dataset's plan has run: 1 once cached and used, however often used. */
    public int cacheMaterializations() {
        return session.cacheManager().materializations(plan);
    }

    /** Registers this Dataset under {@code name} for {@link Session#table}, replacing a view of that name. */
    public void createOrReplaceTempView(String name) {
        session.tempViews().createOrReplace(name, plan);
    }

    /** UNION ALL by position. */
    public Dataset union(Dataset other) {
        return new Dataset(session, Union.create(List.of(plan, other.plan)));
    }

    /** Inner join on the equality of the named columns, each output once (Spark's USING). */
    public Dataset join(Dataset right, String usingColumn) {
        return join(right, List.of(usingColumn), "inner");
    }

    /** Join USING columns; {@code joinType} is inner, left, right, full, left_semi or left_anti. */
    public Dataset join(Dataset right, List<String> usingColumns, String joinType) {
        return new Dataset(session, JoinBuilder.using(plan, distinctIds(right.plan),
                usingColumns, io.spindle.plan.logical.JoinType.parse(joinType)));
    }

    public Dataset join(Dataset right, Column condition) {
        return join(right, condition, "inner");
    }

    /** Join on a condition; {@code joinType} is inner, left, right, full, left_semi or left_anti. */
    public Dataset join(Dataset right, Column condition, String joinType) {
        return new Dataset(session, io.spindle.plan.logical.Join.create(plan, distinctIds(right.plan),
                io.spindle.plan.logical.JoinType.parse(joinType), condition.expression()));
    }

    /** Every pair of rows. */
    public Dataset crossJoin(Dataset right) {
        return new Dataset(session, io.spindle.plan.logical.Join.create(plan, distinctIds(right.plan),
                io.spindle.plan.logical.JoinType.INNER, null));
    }

    /** The right side of a self-join, with fresh column ids so both sides can be told apart. */
    private LogicalPlan distinctIds(LogicalPlan right) {
        if (java.util.Collections.disjoint(plan.output(), right.output())) {
            return right;
        }
        List<Expression> renamed = new ArrayList<>();
        for (ColumnRef column : right.output()) {
            renamed.add(Alias.create(column, column.name()));
        }
        return session.analyzer().analyze(Project.create(renamed, right));
    }

    public long count() {
        Dataset counted = new Dataset(session, Aggregate.create(List.of(),
                List.of(Alias.create(AggregateCall.countStar(), "count")), plan));
        return counted.collectAsList().get(0).getLong(0);
    }

    /**
     * Every row, in the Dataset's order. Fails with a clear error when the rows exceed
     * {@code spindle.driver.maxResultSize}, instead of running the driver out of memory.
     */
    public List<Row> collectAsList() {
        List<Object[]> rows = queryExecution().run();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(Row.wrap(row));
        }
        return result;
    }

    /**
     * The rows as an Rdd of {@link Row}, in the Dataset's order, for Rdd code downstream of a query.
     * Lazy and distributed: the Rdd's partitions are the query's result partitions, computed by Rdd
     * tasks on the executors (the query's shuffles run on the driver's behalf first, when a job
     * first needs the partitions). Rows do not pass through the driver, so
     * {@code spindle.driver.maxResultSize} does not bound them.
     */
    public Rdd<Row> rdd() {
        return new DatasetRdd(session, new QueryExecution(session, plan));
    }

    public List<Row> take(int n) {
        return limit(n).collectAsList();
    }

    public Row first() {
        List<Row> rows = take(1);
        if (rows.isEmpty()) {
            throw new IllegalStateException("first() of an empty Dataset");
        }
        return rows.get(0);
    }

    public void show() {
        show(20);
    }

    public void show(int rows) {
        System.out.print(showString(rows));
    }

    public String showString(int rows) {
        return TableFormatter.format(columns(), take(rows + 1), rows);
    }

    public void explain() {
        System.out.println(explainString());
    }

    public String explainString() {
        return queryExecution().explainString();
    }

    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }
}
