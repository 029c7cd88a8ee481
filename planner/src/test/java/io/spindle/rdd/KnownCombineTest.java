package io.spindle.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.function.Function2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Which combine functions are recognized, and that a recognized one computes exactly what calling
 * it computes (overflow, NaN, signed zeros, extremes), also after the function was serialized as
 * it is when shipped to an executor.
 */
class KnownCombineTest {

    private static <A, B, R> Function2<A, B, R> shipped(Function2<A, B, R> function) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(function);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            Function2<A, B, R> copy = (Function2<A, B, R>) in.readObject();
            return copy;
        }
    }

    @Test
    void recognizesJdkSumsMaximaAndMinimaOfTheirOwnBoxedType() throws Exception {
        Function2<Long, Long, Long> longSum = Long::sum;
        Function2<Long, Long, Long> longMax = Math::max;
        Function2<Long, Long, Long> longMaxOfLong = Long::max;
        Function2<Long, Long, Long> longMin = Math::min;
        Function2<Integer, Integer, Integer> intSum = Integer::sum;
        Function2<Integer, Integer, Integer> intMax = Integer::max;
        Function2<Integer, Integer, Integer> intMin = Math::min;
        Function2<Double, Double, Double> doubleSum = Double::sum;
        Function2<Double, Double, Double> doubleMax = Math::max;
        Function2<Double, Double, Double> doubleMin = Double::min;
        assertThat(KnownCombine.of(longSum)).isEqualTo(KnownCombine.LONG_SUM);
        assertThat(KnownCombine.of(shipped(longSum))).isEqualTo(KnownCombine.LONG_SUM);
        assertThat(KnownCombine.of(longMax)).isEqualTo(KnownCombine.LONG_MAX);
        assertThat(KnownCombine.of(longMaxOfLong)).isEqualTo(KnownCombine.LONG_MAX);
        assertThat(KnownCombine.of(longMin)).isEqualTo(KnownCombine.LONG_MIN);
        assertThat(KnownCombine.of(intSum)).isEqualTo(KnownCombine.INT_SUM);
        assertThat(KnownCombine.of(intMax)).isEqualTo(KnownCombine.INT_MAX);
        assertThat(KnownCombine.of(intMin)).isEqualTo(KnownCombine.INT_MIN);
        assertThat(KnownCombine.of(doubleSum)).isEqualTo(KnownCombine.DOUBLE_SUM);
        assertThat(KnownCombine.of(shipped(doubleMax))).isEqualTo(KnownCombine.DOUBLE_MAX);
        assertThat(KnownCombine.of(doubleMin)).isEqualTo(KnownCombine.DOUBLE_MIN);
        assertThat(KnownCombine.LONG_SUM.isLong()).isTrue();
        assertThat(KnownCombine.INT_SUM.isLong()).isFalse();
    }

    private static long plusOne(long left, long right) {
        return left + right + 1;
    }

    private static final class Offset implements java.io.Serializable {
        private final long offset = 1;

        long sum(long left, long right) {
            return left + right + offset;
        }
    }

    @Test
    void leavesEveryOtherFunctionToBeCalled() {
        Function2<Long, Long, Long> lambda = (a, b) -> a + b;
        Function2<Long, Long, Long> lambdaCallingSum = (a, b) -> Long.sum(a, b);
        Function2<Long, Long, Long> otherStatic = KnownCombineTest::plusOne;
        Offset offset = new Offset();
        Function2<Long, Long, Long> bound = offset::sum;
        Function2<Long, Integer, Long> mixedTypes = Long::sum;
        Function2<Long, Long, Long> anonymous = new Function2<>() {
            @Override
            public Long call(Long first, Long second) {
                return first + second;
            }
        };
        Function2<Integer, Integer, Integer> floorMod = Math::floorMod;
        for (Function2<?, ?, ?> function : List.of(lambda, lambdaCallingSum, otherStatic, bound, mixedTypes,
                anonymous, floorMod)) {
            assertThat(KnownCombine.of(function)).as("%s", function).isNull();
        }
        assertThat(KnownCombine.of(null)).isNull();
    }

    @Test
    void appliesExactlyWhatTheCallReturns() throws Exception {
        List<Long> longs = new ArrayList<>(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 127L, 128L));
        List<Integer> ints = new ArrayList<>(List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1, 0.2));
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            longs.add(random.nextLong());
            ints.add(random.nextInt());
            doubles.add(random.nextDouble(-1e6, 1e6));
        }
        Function2<Long, Long, Long> longSum = Long::sum;
        Function2<Long, Long, Long> longMax = Math::max;
        Function2<Long, Long, Long> longMin = Long::min;
        Function2<Integer, Integer, Integer> intSum = Integer::sum;
        Function2<Integer, Integer, Integer> intMax = Math::max;
        Function2<Integer, Integer, Integer> intMin = Integer::min;
        Function2<Double, Double, Double> doubleSum = Double::sum;
        Function2<Double, Double, Double> doubleMax = Double::max;
        Function2<Double, Double, Double> doubleMin = Math::min;
        for (Function2<Long, Long, Long> function : List.of(longSum, longMax, longMin)) {
            assertAppliesLikeCall(shipped(function), longs);
            KnownCombine known = KnownCombine.of(function);
            for (long left : longs) {
                for (long right : longs) {
                    assertThat(known.applyLong(left, right)).isEqualTo(function.call(left, right));
                }
            }
        }
        for (Function2<Integer, Integer, Integer> function : List.of(intSum, intMax, intMin)) {
            assertAppliesLikeCall(function, ints);
        }
        for (Function2<Double, Double, Double> function : List.of(doubleSum, doubleMax, doubleMin)) {
            assertAppliesLikeCall(function, doubles);
        }
    }

    private static <T> void assertAppliesLikeCall(Function2<T, T, T> function, List<T> operands) throws Exception {
        KnownCombine known = KnownCombine.of(function);
        assertThat(known).isNotNull();
        for (T left : operands) {
            for (T right : operands) {
                assertThat(known.applies(left, right)).isTrue();
                // equals on boxes: NaN equals NaN and 0.0 differs from -0.0, so signs of zeros are checked.
                assertThat(known.apply(left, right)).as("%s(%s, %s)", known, left, right)
                        .isEqualTo(function.call(left, right));
            }
        }
    }

    @Test
    void doesNotApplyToNullsOrOtherBoxes() {
        assertThat(KnownCombine.LONG_SUM.applies(null, 1L)).isFalse();
        assertThat(KnownCombine.LONG_SUM.applies(1L, null)).isFalse();
        assertThat(KnownCombine.LONG_SUM.applies(1L, 1)).isFalse();
        assertThat(KnownCombine.INT_MAX.applies(1, 1L)).isFalse();
        assertThat(KnownCombine.DOUBLE_SUM.applies(1.0, 1.0f)).isFalse();
    }
}
