package io.spindle.formats.predicate;

import static io.spindle.formats.predicate.Predicate.and;
import static io.spindle.formats.predicate.Predicate.equal;
import static io.spindle.formats.predicate.Predicate.greaterThan;
import static io.spindle.formats.predicate.Predicate.greaterThanOrEqual;
import static io.spindle.formats.predicate.Predicate.in;
import static io.spindle.formats.predicate.Predicate.isNotNull;
import static io.spindle.formats.predicate.Predicate.isNull;
import static io.spindle.formats.predicate.Predicate.lessThan;
import static io.spindle.formats.predicate.Predicate.lessThanOrEqual;
import static io.spindle.formats.predicate.Predicate.not;
import static io.spindle.formats.predicate.Predicate.notEqual;
import static io.spindle.formats.predicate.Predicate.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredicateEvaluatorTest {
    /** k in [10, 20] with 2 nulls of 100 rows; s in ['b', 'y'] dictionary {b, m, y}; d doubles in [1, 5]. */
    private static final ColumnEvidence EVIDENCE = new ColumnEvidence() {
        private final Map<String, ColumnStatistics> statistics = Map.of(
                "k", new ColumnStatistics(DataType.LONG, 10L, 20L, 2, 100, true),
                "s", new ColumnStatistics(DataType.STRING, "b", "y", 0, 100, true),
                "d", new ColumnStatistics(DataType.DOUBLE, 1.0, 5.0, 0, 100, false),
                "dec", new ColumnStatistics(DataType.decimal(10, 2), new BigDecimal("1.50"), new BigDecimal("2.50"), 0,
                        100, true),
                "dt", new ColumnStatistics(DataType.DATE, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 0, 100,
                        true),
                "gone", ColumnStatistics.allNull(DataType.INT, 100));

        @Override
        public ColumnStatistics statistics(String column) {
            return statistics.getOrDefault(column, ColumnStatistics.unknown(DataType.INT, 100));
        }

        @Override
        public Optional<List<Object>> distinctValues(String column) {
            return column.equals("s") ? Optional.of(List.of("b", "m", "y")) : Optional.empty();
        }
    };

    @Test
    void comparisonsAgainstBounds() {
        assertThat(matches(equal("k", 9L))).isFalse();
        assertThat(matches(equal("k", 10))).isTrue();
        assertThat(matches(lessThan("k", 10))).isFalse();
        assertThat(matches(lessThanOrEqual("k", 10))).isTrue();
        assertThat(matches(greaterThan("k", 20))).isFalse();
        assertThat(matches(greaterThanOrEqual("k", 20))).isTrue();
        assertThat(matches(notEqual("k", 15))).isTrue();
        assertThat(matches(equal("dec", new BigDecimal("2.5")))).isTrue();
        assertThat(matches(equal("dec", 3))).isFalse();
        assertThat(matches(lessThan("dt", LocalDate.of(2020, 1, 1)))).isFalse();
    }

    @Test
    void notIsPushedToTheLeavesUnderThreeValuedLogic() {
        assertThat(matches(not(greaterThanOrEqual("k", 10)))).isFalse();
        assertThat(matches(not(and(greaterThanOrEqual("k", 10), lessThanOrEqual("k", 20))))).isFalse();
        assertThat(matches(not(or(lessThan("k", 10), greaterThan("k", 15))))).isTrue();
        assertThat(matches(not(isNull("s")))).isTrue();
        assertThat(matches(not(isNotNull("s")))).isFalse();
        assertThat(PredicateEvaluator.pushNegationDown(not(and(equal("k", 1), not(in("s", "a")))), false))
                .hasToString("(k <> 1 OR s IN ('a'))");
    }

    @Test
    void nullCountsDecideNullTests() {
        assertThat(matches(isNull("k"))).isTrue();
        assertThat(matches(isNull("s"))).isFalse();
        assertThat(matches(isNotNull("gone"))).isFalse();
        assertThat(matches(equal("gone", 1))).isFalse();
        assertThat(matches(isNull("gone"))).isTrue();
    }

    @Test
    void dictionaryDecidesWhatBoundsCannot() {
        assertThat(matches(equal("s", "c"))).isFalse();
        assertThat(matches(equal("s", "m"))).isTrue();
        assertThat(matches(in("s", "c", "d"))).isFalse();
        assertThat(matches(in("s", "c", "y"))).isTrue();
        assertThat(matches(not(in("s", "b", "m", "y")))).isFalse();
        assertThat(matches(not(in("s", "b", "m")))).isTrue();
        // Leaves are judged one at a time: some value is > 'm' and some is < 'y', though none is both.
        assertThat(matches(and(greaterThan("s", "m"), lessThan("s", "y")))).isTrue();
        assertThat(matches(and(greaterThan("s", "m"), lessThan("s", "b")))).isFalse();
        assertThat(PredicateEvaluator.mightMatch(equal("s", "c"), ColumnEvidence.statisticsOnly(EVIDENCE))).isTrue();
    }

    @Test
    void orNeedsEverySideRuledOut() {
        assertThat(matches(or(equal("k", 1), equal("s", "c")))).isFalse();
        assertThat(matches(or(equal("k", 1), equal("s", "m")))).isTrue();
    }

    @Test
    void doubleMaxIsNotAnUpperBoundBecauseNaNMayBeMissingFromIt() {
        assertThat(matches(greaterThan("d", 100.0))).isTrue();
        assertThat(matches(equal("d", Double.NaN))).isTrue();
        assertThat(matches(lessThan("d", 1.0))).isFalse();
        assertThat(matches(lessThanOrEqual("d", -0.0))).isFalse();
    }

    @Test
    void literalsThatCannotBeConvertedExactlyNeverSkip() {
        assertThat(matches(equal("k", 2.5))).isTrue();
        assertThat(matches(equal("k", "ten"))).isTrue();
        assertThat(matches(in("k", 99L, "x"))).isTrue();
        assertThat(matches(equal("k", 99.0))).isFalse();
    }

    @Test
    void stringsCompareByCodePointLikeParquetStatistics() {
        // U+FF5E sorts below U+1F600 by code point, but above its surrogate pair in UTF-16 order.
        assertThat(Literals.compare("\uff5e", "\ud83d\ude00", DataType.STRING)).isNegative();
        assertThat(Literals.compare(-0.0, 0.0, DataType.DOUBLE)).isZero();
        assertThat(Literals.compare(Double.NaN, Double.POSITIVE_INFINITY, DataType.DOUBLE)).isPositive();
    }

    @Test
    void predicatesSerializeAndPrint() throws Exception {
        Predicate predicate = and(in("s", "a'b", "c"), or(isNull("k"), not(lessThan("dt", LocalDate.of(2024, 1, 2)))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(predicate);
        }
        Object copy = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        assertThat(copy).isEqualTo(predicate);
        assertThat(predicate).hasToString("(s IN ('a''b', 'c') AND (k IS NULL OR NOT dt < DATE '2024-01-02'))");
        assertThat(predicate.columns()).containsExactly("s", "k", "dt");
    }

    private static boolean matches(Predicate predicate) {
        return PredicateEvaluator.mightMatch(predicate, EVIDENCE);
    }
}
