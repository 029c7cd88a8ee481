package io.spindle.rdd;

import io.spindle.api.function.FlatMapFunction;
import io.spindle.api.function.Function;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Lazy iterator adapters behind the narrow transformations. */
public final class Iterators {
    private Iterators() {
    }

    public static <T, R> Iterator<R> map(Iterator<T> input, Function<T, R> function) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public R next() {
                return Functions.call(function, input.next());
            }
        };
    }

    public static <T> Iterator<T> filter(Iterator<T> input, Function<T, Boolean> predicate) {
        return new Iterator<>() {
            private T next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && input.hasNext()) {
                    T candidate = input.next();
                    if (Boolean.TRUE.equals(Functions.call(predicate, candidate))) {
                        next = candidate;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return next;
            }
        };
    }

    public static <T, R> Iterator<R> flatMap(Iterator<T> input, FlatMapFunction<T, R> function) {
        return new Iterator<>() {
            private Iterator<R> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && input.hasNext()) {
                    current = call(function, input.next());
                }
                return current.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    public static <T, R> Iterator<R> call(FlatMapFunction<T, R> function, T value) {
        try {
            Iterator<R> result = function.call(value);
            return result == null ? Collections.emptyIterator() : result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new Functions.UserFunctionException(e);
        }
    }

    public static <T> Iterator<T> concat(Iterator<? extends T> first, Iterator<? extends T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }
}
