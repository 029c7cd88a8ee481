package io.spindle.rdd;

import io.spindle.api.function.Function2;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Combine functions the engine can apply itself instead of calling them: serializable method
 * references to the JDK's primitive sums, maxima and minima ({@code Long::sum}, {@code Math::max}
 * on Longs, {@code Integer::min}, {@code Double::sum}, ...), recognized from the
 * {@link SerializedLambda} a serializable method reference writes. A combiner table applies a
 * recognized long function to its unboxed combiners with no box and no megamorphic call.
 *
 * <p>Semantics are the function's: a recognized function is applied only when both operands are
 * boxes of its type ({@link #applies}); a null or another type goes through the function itself, so
 * it fails exactly as it would have. Only a reference to the static JDK method itself is recognized,
 * with exactly its boxed type as both parameters and the result (e.g. {@code Function2<Long, Long,
 * Long>}), no lambda body and no captured value, so what runs is what the function would compute.
 */
public enum KnownCombine {
    LONG_SUM, LONG_MAX, LONG_MIN, INT_SUM, INT_MAX, INT_MIN, DOUBLE_SUM, DOUBLE_MAX, DOUBLE_MIN;

    private static final String FUNCTION2 = Function2.class.getName().replace('.', '/');
    private static final String LONG_TYPE = "(Ljava/lang/Long;Ljava/lang/Long;)Ljava/lang/Long;";
    private static final String INT_TYPE = "(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;";
    private static final String DOUBLE_TYPE = "(Ljava/lang/Double;Ljava/lang/Double;)Ljava/lang/Double;";

    /**
     * Per lambda class, what its first instance was recognized as (a lambda class fixes the
     * implementation method and the number of captured values, so every instance is the same).
     */
    private static final ClassValue<AtomicReference<Optional<KnownCombine>>> RECOGNIZED = new ClassValue<>() {
        @Override
        protected AtomicReference<Optional<KnownCombine>> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    /** The known function {@code function} is, or null (then it must be called). */
    public static KnownCombine of(Function2<?, ?, ?> function) {
        if (function == null || !function.getClass().isSynthetic()) {
            return null;
        }
        AtomicReference<Optional<KnownCombine>> known = RECOGNIZED.get(function.getClass());
        Optional<KnownCombine> result = known.get();
        if (result == null) {
            result = Optional.ofNullable(recognize(function));
            known.set(result);
        }
        return result.orElse(null);
    }

    /** Whether it works on longs, held unboxed ({@link #applyLong}). */
    public boolean isLong() {
        return this == LONG_SUM || this == LONG_MAX || this == LONG_MIN;
    }

    /** Whether both operands are boxes of this function's type, so {@link #apply} computes what the call would. */
    public boolean applies(Object left, Object right) {
        return switch (this) {
            case LONG_SUM, LONG_MAX, LONG_MIN -> left instanceof Long && right instanceof Long;
            case INT_SUM, INT_MAX, INT_MIN -> left instanceof Integer && right instanceof Integer;
            case DOUBLE_SUM, DOUBLE_MAX, DOUBLE_MIN -> left instanceof Double && right instanceof Double;
        };
    }

    /** The function of two longs; only for {@link #isLong} functions. */
    public long applyLong(long left, long right) {
        return switch (this) {
            case LONG_SUM -> left + right;
            case LONG_MAX -> Math.max(left, right);
            case LONG_MIN -> Math.min(left, right);
            default -> throw new IllegalStateException(this + " does not combine longs");
        };
    }

    /** The function of two boxes for which {@link #applies} holds. */
    public Object apply(Object left, Object right) {
        // Boxed arm by arm: a switch of mixed numeric arms would promote them all to double.
        return switch (this) {
            case LONG_SUM, LONG_MAX, LONG_MIN -> Long.valueOf(applyLong((Long) left, (Long) right));
            case INT_SUM -> Integer.valueOf((Integer) left + (Integer) right);
            case INT_MAX -> Integer.valueOf(Math.max((Integer) left, (Integer) right));
            case INT_MIN -> Integer.valueOf(Math.min((Integer) left, (Integer) right));
            case DOUBLE_SUM -> Double.valueOf((Double) left + (Double) right);
            case DOUBLE_MAX -> Double.valueOf(Math.max((Double) left, (Double) right));
            case DOUBLE_MIN -> Double.valueOf(Math.min((Double) left, (Double) right));
        };
    }

    private static KnownCombine recognize(Object function) {
        SerializedLambda form = serializedForm(function);
        if (form == null || form.getCapturedArgCount() != 0 || form.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
                || !form.getFunctionalInterfaceClass().equals(FUNCTION2)
                || !form.getFunctionalInterfaceMethodName().equals("call")) {
            return null;
        }
        String owner = form.getImplClass();
        String name = form.getImplMethodName();
        String signature = form.getImplMethodSignature();
        String instantiated = form.getInstantiatedMethodType();
        if (signature.equals("(JJ)J") && instantiated.equals(LONG_TYPE)) {
            return pick(owner, name, "java/lang/Long", LONG_SUM, LONG_MAX, LONG_MIN);
        }
        if (signature.equals("(II)I") && instantiated.equals(INT_TYPE)) {
            return pick(owner, name, "java/lang/Integer", INT_SUM, INT_MAX, INT_MIN);
        }
        if (signature.equals("(DD)D") && instantiated.equals(DOUBLE_TYPE)) {
            return pick(owner, name, "java/lang/Double", DOUBLE_SUM, DOUBLE_MAX, DOUBLE_MIN);
        }
        return null;
    }

    /** {@code Box.sum}, {@code Box.max}/{@code Math.max}, {@code Box.min}/{@code Math.min}. */
    private static KnownCombine pick(String owner, String name, String box, KnownCombine sum, KnownCombine max,
            KnownCombine min) {
        boolean boxOrMath = owner.equals(box) || owner.equals("java/lang/Math");
        if (owner.equals(box) && name.equals("sum")) {
            return sum;
        }
        if (boxOrMath && name.equals("max")) {
            return max;
        }
        if (boxOrMath && name.equals("min")) {
            return min;
        }
        return null;
    }

    /** A serializable lambda's class has a private {@code writeReplace} returning its SerializedLambda. */
    private static SerializedLambda serializedForm(Object function) {
        if (!(function instanceof Serializable)) {
            return null;
        }
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda form ? form : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
