package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.Casts;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.expr.WindowExpression;
import io.spindle.plan.expr.WindowFunction;
import io.spindle.plan.physical.WindowExec;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Window functions over one task's rows. All input goes through the external {@link SortOperator}
 * (by partition keys, then order keys; it spills past the task budget), then sorted batches stream
 * through: each row gets its partition, row number, rank and dense rank as it arrives
 * ({@link WindowRanks}), running aggregates accumulate ({@link WindowSlot}), and rows are emitted as soon as their values are final: once their peer
 * group has closed (for aggregates) and the rows {@code lead} looks at have arrived. So only the
 * open peer group, the lead distance and the lag distance are held, not whole partitions. The held
 * rows are charged to the task budget; past it, the open group's rows whose other values are final
 * go to a {@link WindowGroupSpill} and come back with their aggregate values when the group closes
 * (a whole partition is one group without an order, so a partition of any size fits).
 */
public final class WindowOperator implements Operator {
    private static final AtomicLong SPILLED_RUNS = new AtomicLong();

    private final SortOperator sort;
    private final List<VectorEvaluator> partitionKeys = new ArrayList<>();
    private final List<VectorEvaluator> orderKeys = new ArrayList<>();
    private final Schema outputSchema;
    private final Schema pendingSchema;
    private final int inputWidth;
    private final List<WindowFunction> functions = new ArrayList<>(); // null entries for aggregates
    private final List<WindowSlot> slots = new ArrayList<>(); // null entries for ranking/offset functions
    private final List<VectorEvaluator> arguments = new ArrayList<>();
    private final List<Object> defaults = new ArrayList<>();
    private final int[] argumentColumn; // pending column of a lag/lead argument
    private final int maxLag;
    private final int maxLead;
    private final boolean hasAggregates;

    private ColumnBatch pending;
    private int size;
    private int emitted;
    private int groupStart;
    private int lastPartitionStart;
    private final WindowRanks ranks = new WindowRanks();
    private ColumnVector[] lastPartitionKey;
    private ColumnVector[] lastOrderKey;
    private boolean inputDone;
    private boolean allClosed;
    private boolean finished;
    private final TaskMemoryBudget budget;
    private final WindowGroupSpill groupSpill;
    private final int perRowBytes;
    private long reserved;

    WindowOperator(WindowExec window, ExecutionContext context) {
        Schema inputSchema = Schemas.positional(window.child().output());
        this.inputWidth = inputSchema.size();
        this.outputSchema = Schemas.positional(window.output());
        List<VectorEvaluator> sortKeys = new ArrayList<>();
        List<SortOrder> orders = new ArrayList<>();
        for (Expression key : window.spec().partitionBy()) {
            orders.add(SortOrder.ascending(key));
            partitionKeys.add(EvaluatorCompiler.compile(key));
        }
        for (SortOrder order : window.spec().orderBy()) {
            orders.add(order);
            orderKeys.add(EvaluatorCompiler.compile(order.expression()));
        }
        boolean[] ascending = new boolean[orders.size()];
        boolean[] nullsFirst = new boolean[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            sortKeys.add(EvaluatorCompiler.compile(orders.get(i).expression()));
            ascending[i] = orders.get(i).ascending();
            nullsFirst[i] = orders.get(i).nullsFirst();
        }
        this.sort = new SortOperator(sortKeys, ascending, nullsFirst, inputSchema, context.budget(),
                context.spillDirectory(), context.settings().batchSize());
        List<Field> pendingFields = new ArrayList<>(inputSchema.fields());
        argumentColumn = new int[window.windowExpressions().size()];
        int lag = 0;
        int lead = 0;
        boolean aggregates = false;
        for (int i = 0; i < window.windowExpressions().size(); i++) {
            WindowExpression expression = (WindowExpression) ((Alias) window.windowExpressions().get(i)).child();
            if (expression.function() instanceof AggregateCall call) {
                functions.add(null);
                slots.add(new WindowSlot(call));
                arguments.add(EvaluatorCompiler.compile(call.argument()));
                defaults.add(null);
                aggregates = true;
                continue;
            }
            WindowFunction function = (WindowFunction) expression.function();
            functions.add(function);
            slots.add(null);
            if (WindowSlot.isOffset(function)) {
                DataType type = function.argument().dataType();
                arguments.add(EvaluatorCompiler.compile(function.argument()));
                Literal fallback = (Literal) function.defaultValue();
                defaults.add(fallback.value() == null ? null : Casts.cast(fallback.value(), fallback.dataType(), type));
                argumentColumn[i] = pendingFields.size();
                pendingFields.add(new Field("c" + pendingFields.size(), type, true));
                if (function.kind() == WindowFunction.Kind.LAG) {
                    lag = Math.max(lag, function.offset());
                } else {
                    lead = Math.max(lead, function.offset());
                }
            } else {
                arguments.add(null);
                defaults.add(null);
            }
        }
        this.pendingSchema = new Schema(pendingFields);
        this.maxLag = lag;
        this.maxLead = lead;
        this.hasAggregates = aggregates;
        this.pending = ColumnBatch.allocate(pendingSchema, 1024);
        this.budget = context.budget();
        int slotBytes = 0;
        for (WindowSlot slot : slots) {
            slotBytes += slot == null ? 0 : slot.bytesPerRow();
        }
        this.perRowBytes = 20 + slotBytes; // partition id, row number, rank, dense rank
        this.groupSpill = new WindowGroupSpill(outputSchema, slots, inputWidth, budget, context.spillDirectory(),
                context.settings().batchSize());
    }

    /** Sort runs window operators have spilled in this JVM (for tests that check spilling happened). */
    public static long spilledRuns() {
        return SPILLED_RUNS.get();
    }

    /** Chunks of open peer groups (whole partitions without an order) window operators spilled in this JVM. */
    public static long spilledGroupChunks() {
        return WindowGroupSpill.spilledChunks();
    }

    @Override
    public boolean needsInput() {
        return !inputDone;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        sort.addInput(batch);
    }

    @Override
    public void finish() {
        if (!inputDone) {
            inputDone = true;
            sort.finish();
            SPILLED_RUNS.addAndGet(sort.spillCount());
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public ColumnBatch getOutput() {
        if (!inputDone || finished) {
            return null;
        }
        while (true) {
            if (groupSpill.readyToReplay()) {
                ColumnBatch replayed = groupSpill.nextReplayed(); // a closed group's spilled rows go first
                if (replayed != null) {
                    return replayed;
                }
            }
            if (allClosed) {
                finished = size == emitted;
                return finished ? null : emitCharged(size);
            }
            ColumnBatch sorted = sort.getOutput();
            if (sorted != null) {
                append(sorted);
                if (groupSpill.readyToReplay()) {
                    continue;
                }
                int bound = emitBound();
                if (bound > emitted) {
                    return emitCharged(bound);
                }
                if (!charge(false)) {
                    spillOpenGroup();
                    charge(true);
                }
                continue;
            }
            if (!sort.isFinished()) {
                return null;
            }
            closeGroup(groupStart, size);
            groupStart = size;
            allClosed = true;
        }
    }

    private ColumnBatch emitCharged(int bound) {
        ColumnBatch out = emit(bound);
        charge(true);
        return out;
    }

    /** Reserves (or releases) the held rows' estimated bytes; without {@code force}, fails past the budget. */
    private boolean charge(boolean force) {
        long want = Vectors.estimateBytes(pending) + (long) size * perRowBytes;
        if (want <= reserved) {
            budget.release(reserved - want);
        } else if (force) {
            budget.reserve(want - reserved);
        } else if (!budget.tryReserve(want - reserved)) {
            return false;
        }
        reserved = want;
        return true;
    }

    /** Moves the open group's rows whose non-aggregate values are final out to the group spill. */
    private void spillOpenGroup() {
        int to = maxLead > 0 ? Math.min(size, Math.max(size - maxLead, lastPartitionStart)) : size;
        if (to > emitted) {
            groupSpill.add(emit(to));
        }
    }

    /** The peer group [from, to) closed: rows still held take its last value, spilled ones get it on replay. */
    private void closeGroup(int from, int to) {
        for (WindowSlot slot : slots) {
            if (slot != null) {
                slot.closeGroup(from, to);
            }
        }
        groupSpill.groupClosed();
    }

    /** The rows before the returned index have final values. */
    private int emitBound() {
        int bound = size;
        if (hasAggregates) {
            bound = Math.min(bound, groupStart);
        }
        if (maxLead > 0) {
            bound = Math.min(bound, Math.max(size - maxLead, lastPartitionStart));
        }
        return Math.max(bound, emitted);
    }

    private void append(ColumnBatch sorted) {
        int rows = sorted.rowCount();
        ensure(size + rows);
        int[] identity = Vectors.identity(rows);
        for (int c = 0; c < inputWidth; c++) {
            Vectors.gather(sorted.column(c), identity, 0, rows, pending.column(c), size);
        }
        ColumnVector[] argumentValues = new ColumnVector[arguments.size()];
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) != null) {
                argumentValues[i] = arguments.get(i).evaluate(sorted);
                if (functions.get(i) != null) {
                    Vectors.gather(argumentValues[i], identity, 0, rows, pending.column(argumentColumn[i]), size);
                }
            }
        }
        ColumnVector[] partition = WindowKeys.evaluateAll(partitionKeys, sorted);
        ColumnVector[] order = WindowKeys.evaluateAll(orderKeys, sorted);
        for (int r = 0; r < rows; r++) {
            int at = size + r;
            boolean newPartition = ranks.beforeFirstRow() || !WindowKeys.sameAsPrevious(partition, r, lastPartitionKey, r - 1);
            boolean newPeer = newPartition || !WindowKeys.sameAsPrevious(order, r, lastOrderKey, r - 1);
            if (newPeer && at > groupStart) {
                closeGroup(groupStart, at);
                groupStart = at;
            }
            if (newPartition) {
                lastPartitionStart = at;
                slots.forEach(slot -> {
                    if (slot != null) {
                        slot.resetPartition();
                    }
                });
            }
            ranks.add(at, newPartition, newPeer);
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i) != null) {
                    slots.get(i).accumulate(argumentValues[i], r, at);
                }
            }
        }
        lastPartitionKey = WindowKeys.lastRow(partition, rows);
        lastOrderKey = WindowKeys.lastRow(order, rows);
        size += rows;
        pending.setRowCount(size);
    }

    private ColumnBatch emit(int bound) {
        int rows = bound - emitted;
        ColumnVector[] columns = new ColumnVector[outputSchema.size()];
        int[] range = new int[rows];
        for (int i = 0; i < rows; i++) {
            range[i] = emitted + i;
        }
        for (int c = 0; c < inputWidth; c++) {
            columns[c] = ColumnVector.allocate(outputSchema.field(c).type(), Math.max(rows, 1));
            Vectors.gather(pending.column(c), range, 0, rows, columns[c], 0);
        }
        for (int f = 0; f < functions.size(); f++) {
            WindowFunction function = functions.get(f);
            columns[inputWidth + f] = function == null ? slots.get(f).output(emitted, bound)
                    : WindowSlot.isOffset(function) ? offsetValues(function, f, range) : ranks.output(function, range);
        }
        ColumnBatch output = new ColumnBatch(outputSchema, columns, rows);
        emitted = bound;
        compact();
        return output;
    }

    private ColumnVector offsetValues(WindowFunction function, int f, int[] range) {
        return WindowOffsets.values(function, pending.column(argumentColumn[f]), defaults.get(f), ranks.partitionIds, size,
                range);
    }

    /** Drops emitted rows, keeping the {@code maxLag} rows lag may still read. */
    private void compact() {
        int keepFrom = Math.max(0, emitted - maxLag);
        if (keepFrom == 0) {
            return;
        }
        int remaining = size - keepFrom;
        ColumnBatch kept = ColumnBatch.allocate(pendingSchema, Math.max(1024, remaining));
        int[] rows = new int[remaining];
        for (int i = 0; i < remaining; i++) {
            rows[i] = keepFrom + i;
        }
        for (int c = 0; c < pendingSchema.size(); c++) {
            Vectors.gather(pending.column(c), rows, 0, remaining, kept.column(c), 0);
        }
        kept.setRowCount(remaining);
        pending = kept;
        ranks.shift(keepFrom, size);
        for (WindowSlot slot : slots) {
            if (slot != null) {
                slot.shift(keepFrom, size);
            }
        }
        size = remaining;
        emitted -= keepFrom;
        groupStart -= keepFrom;
        lastPartitionStart -= keepFrom;
    }

    private void ensure(int rows) {
        ranks.ensure(rows);
        for (WindowSlot slot : slots) {
            if (slot != null) {
                slot.ensure(rows);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            groupSpill.close();
            budget.release(reserved);
            reserved = 0;
        } finally {
            sort.close();
        }
    }
}
