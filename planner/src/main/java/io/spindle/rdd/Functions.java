package io.spindle.rdd;

import io.spindle.api.function.Function;
import io.spindle.api.function.Function2;

/** Calls user functions, rethrowing their checked exceptions unchecked so iterators can run them. */
public final class Functions {
    private Functions() {
    }

    public static <T, R> R call(Function<T, R> function, T value) {
        try {
            return function.call(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new UserFunctionException(e);
        }
    }

    public static <A, B, R> R call(Function2<A, B, R> function, A first, B second) {
        try {
            return function.call(first, second);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new UserFunctionException(e);
        }
    }

    /** A checked exception thrown by a user function, carried through iterators. */
    public static final class UserFunctionException extends RuntimeException {
        UserFunctionException(Exception cause) {
            super(cause.toString(), cause);
        }
    }
}
