package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.ScalarEvaluator;
import io.spindle.plan.expr.ScalarFunction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * regexp_extract, split(..).getItem, to_date with a pattern and date_format: each compiles to a
 * kernel (not the row fallback) that agrees with the row-at-a-time reference
 * ({@link ScalarEvaluator}) on random batches with NULLs, empty strings, multi-byte text, no
 * matches, padded and invalid dates and timestamps far outside 0001..9999 — including failing with
 * the same error on the same first bad row — and on an empty batch.
 */
class PatternKernelsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("s", DataType.STRING), Field.of("ts", DataType.TIMESTAMP));
    private static final BoundRef S = new BoundRef(0, DataType.STRING, true);
    private static final BoundRef TS = new BoundRef(1, DataType.TIMESTAMP, true);
    private static final String[] WORDS = {"", "order-42-x", "a,b,,c,", ",lead", "日本-語,テ|キ", "no match here",
        "k=v; k2=v2", "x|y|z", "  ", "abc123def456", "Ünï-7-çødé", "a.b.c"};

    private static ColumnBatch batch(int rows, SplittableRandom random, List<String> texts) {
        ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
        for (int r = 0; r < rows; r++) {
            long micros = random.nextInt(10) == 0 ? random.nextLong(-400_000_000_000_000_000L, 300_000_000_000_000_000L)
                    : random.nextLong(-2_000_000_000_000_000L, 4_000_000_000_000_000L);
            builder.appendRow(random.nextInt(7) == 0 ? null : texts.get(random.nextInt(texts.size())),
                    random.nextInt(7) == 0 ? null : Instant.EPOCH.plusNanos(0).plusSeconds(Math.floorDiv(micros, 1_000_000))
                            .plusNanos(Math.floorMod(micros, 1_000_000) * 1000));
        }
        return builder.build();
    }

    private static List<String> words() {
        return List.of(WORDS);
    }

    /** Dates as text in the pattern's shape, some padded with blanks; with {@code invalid}, also bad ones. */
    private static List<String> dates(SplittableRandom random, String pattern, boolean invalid) {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ofPattern(pattern);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-700_000, 2_900_000)); // years ~ 53 to 9909
            String text = day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60)).format(formatter);
            texts.add(random.nextInt(5) == 0 ? " \t" + text + " " : text);
        }
        if (invalid) {
            texts.addAll(List.of("2023-02-30", "2023-13-01", "not a date", "2023-2-3", "", "2024/01/01"));
        }
        return texts;
    }

    private static ScalarFunction call(BuiltinFunction function, Expression... arguments) {
        return ScalarFunction.of(function, arguments);
    }

    /** The kernel's values equal the reference's, or both fail with the same message. */
    private static void assertMatchesReference(Expression expression, ColumnBatch batch) {
        VectorEvaluator evaluator = EvaluatorCompiler.compile(expression);
        assertThat(evaluator).as("kernel for " + expression).isNotInstanceOf(RowEvaluator.class);
        List<Object> expected = new ArrayList<>();
        String expectedError = null;
        try {
            for (int r = 0; r < batch.rowCount(); r++) {
                expected.add(ScalarEvaluator.eval(expression, batch.row(r).toArray()));
            }
        } catch (EvaluationException e) {
            expectedError = e.getMessage();
        }
        List<Object> actual = new ArrayList<>();
        String actualError = null;
        try {
            ColumnVector result = evaluator.evaluate(batch);
            for (int r = 0; r < batch.rowCount(); r++) {
                actual.add(result.get(r));
            }
        } catch (EvaluationException e) {
            actualError = e.getMessage();
        }
        assertThat(actualError).as("error of " + expression).isEqualTo(expectedError);
        if (expectedError == null) {
            assertThat(actual).as(expression.toString()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void regexpExtractMatchesTheReference() {
        SplittableRandom random = new SplittableRandom(1);
        ColumnBatch batch = batch(3000, random, words());
        for (String regex : new String[] {"(\\w+)-(\\d+)", "([a-z]+)(\\d+)?", "(\\d+)", "k2=(\\w+)", "語(.)", "^$", "(x)|(y)"}) {
            int groups = java.util.regex.Pattern.compile(regex).matcher("").groupCount();
            for (int group = 0; group <= groups; group++) {
                assertMatchesReference(call(BuiltinFunction.REGEXP_EXTRACT, S, Literal.of(regex), Literal.of(group)), batch);
            }
        }
        assertMatchesReference(call(BuiltinFunction.REGEXP_EXTRACT, S, Literal.of("(a)"), Literal.of(2)), batch);
        assertMatchesReference(call(BuiltinFunction.REGEXP_EXTRACT, S, Literal.of("(unclosed"), Literal.of(1)), batch);
        assertMatchesReference(call(BuiltinFunction.REGEXP_EXTRACT, S, Literal.of("(\\d+)"), Literal.of(1)), batch(0, random, words()));
    }

    @Test
    void splitGetItemMatchesTheReference() {
        SplittableRandom random = new SplittableRandom(2);
        ColumnBatch batch = batch(3000, random, words());
        for (String regex : new String[] {",", "\\|", "-", "\\.", "[,|]", "\\s*=\\s*", "", "(?=b)", ",+", "語"}) {
            for (int index : new int[] {-1, 0, 1, 2, 3, 5}) {
                assertMatchesReference(call(BuiltinFunction.SPLIT_ITEM, S, Literal.of(regex), Literal.of(index)), batch);
            }
        }
        assertMatchesReference(call(BuiltinFunction.SPLIT_ITEM, S, Literal.of("[unclosed"), Literal.of(0)), batch);
        assertMatchesReference(call(BuiltinFunction.SPLIT_ITEM, S, Literal.of(","), Literal.of(0)), batch(0, random, words()));
    }

    @Test
    void toDateWithAPatternMatchesTheReference() {
        SplittableRandom random = new SplittableRandom(3);
        for (String pattern : new String[] {"yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy", "yyyy-MM-dd HH:mm:ss",
            "MMM d, yyyy", "yyyy-MM-dd'T'HH:mm"}) {
            assertMatchesReference(call(BuiltinFunction.TO_DATE, S, Literal.of(pattern)),
                    batch(2000, random, dates(random, pattern, false)));
            assertMatchesReference(call(BuiltinFunction.TO_DATE, S, Literal.of(pattern)),
                    batch(2000, random, dates(random, pattern, true)));
        }
        assertMatchesReference(call(BuiltinFunction.TO_DATE, S, Literal.of("yyyy-MM-dd")), batch(0, random, words()));
        assertMatchesReference(call(BuiltinFunction.TO_DATE, S, Literal.of("yyyy-MM-dd {")),
                batch(10, random, dates(random, "yyyy-MM-dd", false)));
    }

    @Test
    void dateFormatMatchesTheReference() {
        SplittableRandom random = new SplittableRandom(4);
        ColumnBatch batch = batch(3000, random, words());
        for (String pattern : new String[] {"yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd", "dd.MM.yyyy HH:mm",
            "EEEE d MMMM yyyy", "yyyy-MM-dd'T'HH:mm:ss.SSS", "HH:mm", "G yyyy"}) {
            assertMatchesReference(call(BuiltinFunction.DATE_FORMAT, TS, Literal.of(pattern)), batch);
        }
        assertMatchesReference(call(BuiltinFunction.DATE_FORMAT, TS, Literal.of("yyyy-MM-dd")), batch(0, random, words()));
        assertMatchesReference(call(BuiltinFunction.DATE_FORMAT, TS, Literal.of("yyyy-MM-dd Z")), batch);
    }

    @Test
    void fixedWidthLayoutsAreRecognizedAndOthersAreNot() {
        assertThat(DateLayout.compile("yyyy-MM-dd")).isNotNull();
        assertThat(DateLayout.compile("dd/MM/yyyy HH:mm:ss")).isNotNull();
        assertThat(DateLayout.compile("yyyy-MM-dd'T'HH")).isNull();
        assertThat(DateLayout.compile("yyyy-MM-dd[ HH]")).isNull();
        assertThat(DateLayout.compile("MMM d, yyyy")).isNull();
        assertThat(DateLayout.compile("HH:mm")).isNull();
        for (int days = -800_000; days < 2_932_000; days += 997) {
            LocalDate date = LocalDate.ofEpochDay(days);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                assertThat(DateLayout.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                        .isEqualTo(days);
            }
        }
    }
}
