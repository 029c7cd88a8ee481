package io.spindle.metastore.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetastoreFilterTest {
    private static final Schema PARTITIONS = Schema.of(Field.of("dt", DataType.DATE), Field.of("region", DataType.STRING),
            Field.of("hour", DataType.INT), Field.of("rate", DataType.decimal(5, 2)));

    @Test
    void dateRangesAreQuotedIsoDates() {
        MetastoreFilter.Translation translation = translate(Predicate.and(
                Predicate.greaterThanOrEqual("dt", LocalDate.of(2026, 1, 1)),
                Predicate.lessThanOrEqual("dt", LocalDate.of(2026, 1, 31))));
        assertThat(translation.pushed()).contains("dt >= '2026-01-01' and dt <= '2026-01-31'");
        assertThat(translation.residual()).isEmpty();
    }

    @Test
    void integersAreUnquotedAndInBecomesOrs() {
        assertThat(translate(Predicate.in("hour", 3, 4L)).pushed()).contains("(hour = 3 or hour = 4)");
        assertThat(translate(Predicate.in("region", "eu", "us")).pushed()).contains("(region = 'eu' or region = 'us')");
    }

    @Test
    void negationIsPushedIntoComparisons() {
        assertThat(translate(Predicate.not(Predicate.or(Predicate.lessThan("hour", 5), Predicate.equal("region", "eu"))))
                .pushed()).contains("hour >= 5 and region <> 'eu'");
    }

    @Test
    void orOfPushableSidesIsPushed() {
        assertThat(translate(Predicate.or(Predicate.equal("hour", 1),
                Predicate.and(Predicate.equal("hour", 2), Predicate.equal("region", "eu")))).pushed())
                .contains("(hour = 1 or (hour = 2 and region = 'eu'))");
    }

    @Test
    void unpushableConjunctsStayResidualAndTheRestIsPushed() {
        Predicate isNull = Predicate.isNull("region");
        MetastoreFilter.Translation translation = translate(Predicate.and(Predicate.equal("hour", 1), isNull));
        assertThat(translation.pushed()).contains("hour = 1");
        assertThat(translation.residual()).containsExactly(isNull);
    }

    @Test
    void whatTheMetastoreWouldEvaluateDifferentlyIsNotPushed() {
        assertThat(translate(Predicate.not(Predicate.in("hour", 1, 2))).pushed()).isEmpty();
        assertThat(translate(Predicate.equal("rate", new BigDecimal("1.50"))).pushed()).isEmpty();
        assertThat(translate(Predicate.equal("region", "it's")).pushed()).isEmpty();
        assertThat(translate(Predicate.equal("hour", 2.5)).pushed()).isEmpty();
        assertThat(translate(Predicate.or(Predicate.equal("hour", 1), Predicate.isNull("region"))).pushed()).isEmpty();
    }

    @Test
    void dataColumnsAreNeitherPushedNorResidual() {
        MetastoreFilter.Translation translation = translate(Predicate.and(Predicate.equal("amount", 5),
                Predicate.equal("hour", 1)));
        assertThat(translation.pushed()).contains("hour = 1");
        assertThat(translation.residual()).isEmpty();
        assertThat(translate(Predicate.equal("amount", 5))).isEqualTo(
                new MetastoreFilter.Translation(Optional.empty(), java.util.List.of()));
    }

    private static MetastoreFilter.Translation translate(Predicate predicate) {
        return MetastoreFilter.translate(predicate, PARTITIONS);
    }
}
