package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.EvaluationException;

/**
 * Arithmetic on int, long and double vectors, one loop per operator. Integer overflow and
 * division by zero are errors (ANSI); null rows are skipped so their garbage values cannot raise
 * one.
 */
final class NumericArithmetic {
    private NumericArithmetic() {}

    static VectorEvaluator create(ArithmeticOperator operator, VectorEvaluator left, VectorEvaluator right,
            DataType type) {
        switch (type.kind()) {
            case LONG: return new LongArithmetic(operator, left, right, type);
            case INT: return new IntArithmetic(operator, left, right, type);
            case DOUBLE: return new DoubleArithmetic(operator, left, right, type);
            default: throw new IllegalArgumentException("No numeric arithmetic on " + type);
        }
    }

    static final class LongArithmetic extends VectorEvaluator {
        private final ArithmeticOperator operator;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private ColumnVector output;

        LongArithmetic(ArithmeticOperator operator, VectorEvaluator left, VectorEvaluator right, DataType type) {
            super(type);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector l = left.evaluate(batch);
            ColumnVector r = right.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, type(), rows);
            boolean anyNull = unionNulls(l, r, output, rows);
            long[] a = ((LongVector) l).values();
            long[] b = ((LongVector) r).values();
            long[] out = ((LongVector) output).values();
            boolean[] nulls = output.nulls();
            try {
                switch (operator) {
                    case ADD:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.addExact(a[i], b[i]);
                        }
                        break;
                    case SUBTRACT:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.subtractExact(a[i], b[i]);
                        }
                        break;
                    case MULTIPLY:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.multiplyExact(a[i], b[i]);
                        }
                        break;
                    case DIVIDE:
                    case REMAINDER:
                        for (int i = 0; i < rows; i++) {
                            if (anyNull && nulls[i]) {
                                continue;
                            }
                            if (b[i] == 0) {
                                throw EvaluationException.divideByZero();
                            }
                            out[i] = operator == ArithmeticOperator.DIVIDE ? a[i] / b[i] : a[i] % b[i];
                        }
                        break;
                }
            } catch (ArithmeticException e) {
                throw EvaluationException.overflow("long " + operator.symbol());
            }
            return output;
        }
    }

    static final class IntArithmetic extends VectorEvaluator {
        private final ArithmeticOperator operator;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private ColumnVector output;

        IntArithmetic(ArithmeticOperator operator, VectorEvaluator left, VectorEvaluator right, DataType type) {
            super(type);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector l = left.evaluate(batch);
            ColumnVector r = right.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, type(), rows);
            boolean anyNull = unionNulls(l, r, output, rows);
            int[] a = ((IntVector) l).values();
            int[] b = ((IntVector) r).values();
            int[] out = ((IntVector) output).values();
            boolean[] nulls = output.nulls();
            try {
                switch (operator) {
                    case ADD:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.addExact(a[i], b[i]);
                        }
                        break;
                    case SUBTRACT:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.subtractExact(a[i], b[i]);
                        }
                        break;
                    case MULTIPLY:
                        for (int i = 0; i < rows; i++) {
                            out[i] = anyNull && nulls[i] ? 0 : Math.multiplyExact(a[i], b[i]);
                        }
                        break;
                    case DIVIDE:
                    case REMAINDER:
                        for (int i = 0; i < rows; i++) {
                            if (anyNull && nulls[i]) {
                                continue;
                            }
                            if (b[i] == 0) {
                                throw EvaluationException.divideByZero();
                            }
                            out[i] = operator == ArithmeticOperator.DIVIDE ? a[i] / b[i] : a[i] % b[i];
                        }
                        break;
                }
            } catch (ArithmeticException e) {
                throw EvaluationException.overflow("int " + operator.symbol());
            }
            return output;
        }
    }

    static final class DoubleArithmetic extends VectorEvaluator {
        private final ArithmeticOperator operator;
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private ColumnVector output;

        DoubleArithmetic(ArithmeticOperator operator, VectorEvaluator left, VectorEvaluator right, DataType type) {
            super(type);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector l = left.evaluate(batch);
            ColumnVector r = right.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, type(), rows);
            boolean anyNull = unionNulls(l, r, output, rows);
            double[] a = ((DoubleVector) l).values();
            double[] b = ((DoubleVector) r).values();
            double[] out = ((DoubleVector) output).values();
            boolean[] nulls = output.nulls();
            switch (operator) {
                case ADD:
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] + b[i];
                    }
                    break;
                case SUBTRACT:
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] - b[i];
                    }
                    break;
                case MULTIPLY:
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] * b[i];
                    }
                    break;
                case DIVIDE:
                case REMAINDER:
                    for (int i = 0; i < rows; i++) {
                        if (anyNull && nulls[i]) {
                            continue;
                        }
                        if (b[i] == 0) {
                            throw EvaluationException.divideByZero();
                        }
                        out[i] = operator == ArithmeticOperator.DIVIDE ? a[i] / b[i] : a[i] % b[i];
                    }
                    break;
            }
            return output;
        }
    }
}
