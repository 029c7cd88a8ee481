package io.spindle.runtime.exec;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.physical.HashJoinExec;
import io.spindle.plan.physical.JoinStrategy;
import java.util.ArrayList;
import java.util.List;

/** Builds join operators from bound join nodes. */
final class JoinOperators {
    private JoinOperators() {}

    static Operator hashJoin(HashJoinExec join, Pipeline buildInput, ExecutionContext context) {
        List<VectorEvaluator> leftKeys = compile(join.leftKeys());
        List<VectorEvaluator> rightKeys = compile(join.rightKeys());
        if (join.strategy() == io.spindle.plan.physical.JoinStrategy.SORT_MERGE) {
            return new SortMergeJoinOperator(join.joinType(), leftKeys, rightKeys, compile(join.leftKeys()),
                    compile(join.rightKeys()), join.residual() == null ? null : EvaluatorCompiler.compile(join.residual()),
                    Schemas.positional(join.left().output()), Schemas.positional(join.right().output()),
                    Schemas.positional(join.joinedInput()), Schemas.positional(join.output()), buildInput,
                    context.budget(), context.spillDirectory(), context.settings().batchSize());
        }
        HashJoinOperator operator = new HashJoinOperator(join.joinType(), join.buildLeft(),
                join.buildLeft() ? rightKeys : leftKeys,
                join.buildLeft() ? leftKeys : rightKeys,
                join.residual() == null ? null : EvaluatorCompiler.compile(join.residual()),
                Schemas.positional(join.probeSide().output()), Schemas.positional(join.buildSide().output()),
                Schemas.positional(join.joinedInput()), Schemas.positional(join.output()), buildInput,
                context.budget(), context.spillDirectory(), context.settings().batchSize());
        if (join.strategy() == JoinStrategy.BROADCAST_HASH) {
            // The same broadcast side (shuffle files of this run) with the same bound keys: one table per executor.
            operator.shareBuildTable(List.of(join.buildSide(), join.buildLeft() ? join.leftKeys() : join.rightKeys()));
        }
        return operator;
    }

    private static List<VectorEvaluator> compile(List<Expression> expressions) {
        List<VectorEvaluator> compiled = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            compiled.add(EvaluatorCompiler.compile(expression));
        }
        return compiled;
    }
}
