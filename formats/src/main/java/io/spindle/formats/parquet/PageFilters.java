package io.spindle.formats.parquet;

import io.spindle.formats.predicate.And;
import io.spindle.formats.predicate.Comparison;
import io.spindle.formats.predicate.ComparisonOperator;
import io.spindle.formats.predicate.In;
import io.spindle.formats.predicate.IsNotNull;
import io.spindle.formats.predicate.IsNull;
import io.spindle.formats.predicate.Literals;
import io.spindle.formats.predicate.Or;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;

/**
 * A pushed predicate as a parquet-mr filter, for page skipping by the column index: parquet-mr
 * computes from each page's min / max / null count the row ranges that might match, and the reader
 * then reads only the pages overlapping them. Only what translates exactly is kept — comparisons,
 * IN and IS [NOT] NULL on int, long, date, string and boolean columns read without conversion;
 * under AND an untranslatable side is dropped (a weaker filter only skips less), under OR and NOT
 * nothing is translated. Doubles are left out: Parquet's page statistics do not order NaN as
 * Spark does.
 */
final class PageFilters {
    private PageFilters() {}

    /** @param columns the file columns a predicate column name (lower-case key) resolves to */
    static Optional<FilterPredicate> translate(Predicate predicate, Map<String, ParquetColumn> columns) {
        if (predicate instanceof And and) {
            Optional<FilterPredicate> left = translate(and.left(), columns);
            Optional<FilterPredicate> right = translate(and.right(), columns);
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(FilterApi.and(left.get(), right.get()));
            }
            return left.isPresent() ? left : right;
        }
        if (predicate instanceof Or or) {
            Optional<FilterPredicate> left = translate(or.left(), columns);
            Optional<FilterPredicate> right = translate(or.right(), columns);
            return left.isPresent() && right.isPresent() ? Optional.of(FilterApi.or(left.get(), right.get()))
                    : Optional.empty();
        }
        if (predicate instanceof Comparison comparison) {
            return column(comparison.column(), columns).flatMap(column -> comparison(column, comparison));
        }
        if (predicate instanceof In in) {
            return column(in.column(), columns).flatMap(column -> in(column, in));
        }
        if (predicate instanceof IsNull isNull) {
            return column(isNull.column(), columns).map(column -> nullTest(column, true));
        }
        if (predicate instanceof IsNotNull isNotNull) {
            return column(isNotNull.column(), columns).map(column -> nullTest(column, false));
        }
        return Optional.empty();
    }

    /** A file column whose stored values compare as the Spindle values do. */
    private static Optional<ParquetColumn> column(String name, Map<String, ParquetColumn> columns) {
        ParquetColumn column = columns.get(RowGroupEvidence.key(name));
        if (column == null || column.isMissing() || column.descriptor().getPath().length != 1) {
            return Optional.empty();
        }
        DataType type = column.field().type();
        boolean exact = switch (column.conversion()) {
            case INT32_TO_INT -> type.equals(DataType.INT) || type.equals(DataType.DATE);
            case INT64 -> type.equals(DataType.LONG);
            case BOOLEAN -> true;
            case BYTES -> type.equals(DataType.STRING);
            default -> false;
        };
        return exact ? Optional.of(column) : Optional.empty();
    }

    /** The literal in the column's stored form, if it is exactly representable. */
    private static Optional<Comparable<?>> stored(ParquetColumn column, Object literal) {
        if (literal == null) {
            return Optional.empty();
        }
        DataType type = column.field().type();
        return Literals.coerce(literal, type).map(value -> switch (type.kind()) {
            case DATE -> (int) ((LocalDate) value).toEpochDay();
            case STRING -> Binary.fromString((String) value);
            default -> (Comparable<?>) value;
        });
    }

    private static Optional<FilterPredicate> comparison(ParquetColumn column, Comparison comparison) {
        Optional<Comparable<?>> value = stored(column, comparison.literal());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String name = column.fileName();
        ComparisonOperator operator = comparison.operator();
        return switch (column.conversion()) {
            case INT32_TO_INT -> Optional.of(ordered(FilterApi.intColumn(name), operator, (Integer) value.get()));
            case INT64 -> Optional.of(ordered(FilterApi.longColumn(name), operator, (Long) value.get()));
            case BYTES -> Optional.of(ordered(FilterApi.binaryColumn(name), operator, (Binary) value.get()));
            case BOOLEAN -> switch (operator) {
                case EQUAL -> Optional.of(FilterApi.eq(FilterApi.booleanColumn(name), (Boolean) value.get()));
                case NOT_EQUAL -> Optional.of(FilterApi.notEq(FilterApi.booleanColumn(name), (Boolean) value.get()));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt> FilterPredicate
            ordered(C column, ComparisonOperator operator, T value) {
        return switch (operator) {
            case EQUAL -> FilterApi.eq(column, value);
            case NOT_EQUAL -> FilterApi.notEq(column, value);
            case LESS_THAN -> FilterApi.lt(column, value);
            case LESS_THAN_OR_EQUAL -> FilterApi.ltEq(column, value);
            case GREATER_THAN -> FilterApi.gt(column, value);
            case GREATER_THAN_OR_EQUAL -> FilterApi.gtEq(column, value);
        };
    }

    private static Optional<FilterPredicate> in(ParquetColumn column, In in) {
        List<Comparable<?>> values = new ArrayList<>();
        for (Object value : in.values()) {
            Optional<Comparable<?>> stored = stored(column, value);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            values.add(stored.get());
        }
        String name = column.fileName();
        return switch (column.conversion()) {
            case INT32_TO_INT -> Optional.of(FilterApi.in(FilterApi.intColumn(name), typed(values, Integer.class)));
            case INT64 -> Optional.of(FilterApi.in(FilterApi.longColumn(name), typed(values, Long.class)));
            case BYTES -> Optional.of(FilterApi.in(FilterApi.binaryColumn(name), typed(values, Binary.class)));
            default -> Optional.empty();
        };
    }

    private static <T> Set<T> typed(List<Comparable<?>> values, Class<T> type) {
        Set<T> typed = new HashSet<>();
        values.forEach(value -> typed.add(type.cast(value)));
        return typed;
    }

    private static FilterPredicate nullTest(ParquetColumn column, boolean isNull) {
        String name = column.fileName();
        return switch (column.conversion()) {
            case INT32_TO_INT -> isNull ? FilterApi.eq(FilterApi.intColumn(name), (Integer) null)
                    : FilterApi.notEq(FilterApi.intColumn(name), (Integer) null);
            case INT64 -> isNull ? FilterApi.eq(FilterApi.longColumn(name), (Long) null)
                    : FilterApi.notEq(FilterApi.longColumn(name), (Long) null);
            case BOOLEAN -> isNull ? FilterApi.eq(FilterApi.booleanColumn(name), (Boolean) null)
                    : FilterApi.notEq(FilterApi.booleanColumn(name), (Boolean) null);
            default -> isNull ? FilterApi.eq(FilterApi.binaryColumn(name), (Binary) null)
                    : FilterApi.notEq(FilterApi.binaryColumn(name), (Binary) null);
        };
    }
}
