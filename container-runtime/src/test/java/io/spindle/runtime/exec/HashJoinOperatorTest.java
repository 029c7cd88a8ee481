package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.logical.JoinType;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash join operator, each join type with either build side, in memory and grace-spilled, with
 * and without a residual condition, against a plain nested-loop join: NULL keys, duplicate keys,
 * empty sides.
 */
class HashJoinOperatorTest {
    private static final Schema LEFT = Schema.of(Field.of("c0", DataType.LONG), Field.of("c1", DataType.LONG));
    private static final Schema RIGHT = Schema.of(Field.of("c0", DataType.LONG), Field.of("c1", DataType.LONG));
    private static final Schema JOINED = Schema.of(Field.of("c0", DataType.LONG), Field.of("c1", DataType.LONG),
            Field.of("c2", DataType.LONG), Field.of("c3", DataType.LONG));

    @TempDir
    Path spill;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            for (boolean buildLeft : new boolean[] {false, true}) {
                if (buildLeft && type.leftOnly()) {
                    continue;
                }
                for (boolean spilling : new boolean[] {false, true}) {
                    for (boolean residual : new boolean[] {false, true}) {
                        cases.add(Arguments.of(type, buildLeft, spilling, residual));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} buildLeft={1} spilling={2} residual={3}")
    @MethodSource("cases")
    void matchesANestedLoopJoin(JoinType type, boolean buildLeft, boolean spilling, boolean residual) throws Exception {
        SplittableRandom random = new SplittableRandom(type.ordinal() * 31L + (buildLeft ? 7 : 0));
        List<Object[]> left = rows(random, 3_000, 400);
        List<Object[]> right = rows(random, 2_000, 500);
        check(type, buildLeft, spilling, residual, left, right); // dense keys: the directly indexed table
        check(type, buildLeft, spilling, residual, sparse(left), sparse(right)); // keys too far apart: hash chains
        check(type, buildLeft, spilling, residual, left, List.of());
        check(type, buildLeft, spilling, residual, List.of(), right);
    }

    private void check(JoinType type, boolean buildLeft, boolean spilling, boolean residual, List<Object[]> left,
            List<Object[]> right) throws Exception {
        TaskMemoryBudget budget = new TaskMemoryBudget(spilling ? 2_000 : 1L << 30);
        long spilledBefore = JoinSpillMetrics.bytesWritten();
        List<ColumnBatch> probe = batches(buildLeft ? right : left, buildLeft ? RIGHT : LEFT);
        List<ColumnBatch> build = batches(buildLeft ? left : right, buildLeft ? LEFT : RIGHT);
        Pipeline buildInput = new Pipeline(List.of(source(build)));
        VectorEvaluator condition = residual ? EvaluatorCompiler.compile(new Comparison(CompareOperator.GREATER_THAN,
                new BoundRef(3, DataType.LONG, true), new BoundRef(1, DataType.LONG, true))) : null;
        HashJoinOperator join = new HashJoinOperator(type, buildLeft,
                List.of(new ColumnEvaluator(0, DataType.LONG)), List.of(new ColumnEvaluator(0, DataType.LONG)),
                condition, buildLeft ? RIGHT : LEFT, buildLeft ? LEFT : RIGHT, JOINED, type.leftOnly() ? LEFT : JOINED,
                buildInput, budget, spill, 1024);
        List<List<Object>> actual = OperatorTestSupport.run(probe, join);
        assertThat(sorted(actual)).isEqualTo(sorted(nestedLoop(type, residual, left, right)));
        if (spilling && !build.isEmpty()) {
            assertThat(JoinSpillMetrics.bytesWritten()).isGreaterThan(spilledBefore);
        }
        assertThat(budget.usedBytes()).isZero();
    }

    /**
     * Tasks of one executor joining the same broadcast side share one table: two joins running at
     * once under one key drain one build input between them, and both answer like a nested loop;
     * past the budget (the first builder spills) each builds its own and is still right.
     */
    @ParameterizedTest(name = "spilling={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void broadcastTablesAreSharedByConcurrentTasks(boolean spilling) throws Exception {
        SplittableRandom random = new SplittableRandom(spilling ? 5 : 6);
        List<Object[]> left = rows(random, 3_000, 400);
        List<Object[]> right = rows(random, 2_000, 500);
        java.util.concurrent.atomic.AtomicInteger drained = new java.util.concurrent.atomic.AtomicInteger();
        Object key = List.of("broadcast-test", spilling, System.nanoTime());
        List<java.util.concurrent.Callable<List<List<Object>>>> tasks = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            tasks.add(() -> {
                List<ColumnBatch> build = batches(right, RIGHT);
                Operator counting = new SourceOperator() {
                    private int next;

                    @Override
                    protected ColumnBatch next() {
                        if (next < build.size()) {
                            drained.incrementAndGet();
                            return build.get(next++);
                        }
                        return null;
                    }
                };
                TaskMemoryBudget budget = new TaskMemoryBudget(spilling ? 2_000 : 1L << 30);
                HashJoinOperator join = new HashJoinOperator(JoinType.INNER, false,
                        List.of(new ColumnEvaluator(0, DataType.LONG)), List.of(new ColumnEvaluator(0, DataType.LONG)),
                        null, LEFT, RIGHT, JOINED, JOINED, new Pipeline(List.of(counting)), budget, spill, 1024)
                        .shareBuildTable(key);
                return OperatorTestSupport.run(batches(left, LEFT), join);
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<String> expected = sorted(nestedLoop(JoinType.INNER, false, left, right));
            for (java.util.concurrent.Future<List<List<Object>>> result : pool.invokeAll(tasks)) {
                assertThat(sorted(result.get())).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        int buildBatches = batches(right, RIGHT).size();
        assertThat(drained.get()).isEqualTo(spilling ? 2 * buildBatches : buildBatches);
    }

    /** The same rows with keys spread over most of the long range (negative ones too). */
    private static List<Object[]> sparse(List<Object[]> rows) {
        List<Object[]> spread = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] copy = row.clone();
            copy[0] = row[0] == null ? null : ((Long) row[0] - 250) * 30_000_000_000_000_000L / 250;
            spread.add(copy);
        }
        return spread;
    }

    private static List<Object[]> rows(SplittableRandom random, int count, int keys) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long key = random.nextInt(20) == 0 ? null : (long) random.nextInt(keys);
            Long value = random.nextInt(30) == 0 ? null : (long) random.nextInt(1000);
            rows.add(new Object[] {key, value});
        }
        return rows;
    }

    private static List<ColumnBatch> batches(List<Object[]> rows, Schema schema) {
        List<ColumnBatch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += 700) {
            ColumnBatch.Builder builder = ColumnBatch.builder(schema);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + 700))) {
                builder.appendRow(row);
            }
            batches.add(builder.build());
        }
        return batches;
    }

    private static Operator source(List<ColumnBatch> batches) {
        return new SourceOperator() {
            private int next;

            @Override
            protected ColumnBatch next() {
                return next < batches.size() ? batches.get(next++) : null;
            }
        };
    }

    private static List<List<Object>> nestedLoop(JoinType type, boolean residual, List<Object[]> left,
            List<Object[]> right) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Object[] l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Object[] r = right.get(j);
                boolean match = l[0] != null && l[0].equals(r[0])
                        && (!residual || (l[1] != null && r[1] != null && (Long) r[1] > (Long) l[1]));
                if (match) {
                    matched = true;
                    rightMatched[j] = true;
                    if (!type.leftOnly()) {
                        out.add(Arrays.asList(l[0], l[1], r[0], r[1]));
                    }
                }
            }
            if (type == JoinType.LEFT_SEMI && matched || type == JoinType.LEFT_ANTI && !matched) {
                out.add(Arrays.asList(l[0], l[1]));
            }
            if (!matched && type.preservesLeft()) {
                out.add(Arrays.asList(l[0], l[1], null, null));
            }
        }
        if (type.preservesRight()) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(Arrays.asList(null, null, right.get(j)[0], right.get(j)[1]));
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(Objects::toString).toList().toString()).sorted().toList();
    }
}
