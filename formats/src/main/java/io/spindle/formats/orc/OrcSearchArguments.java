package io.spindle.formats.orc;

import io.spindle.formats.predicate.And;
import io.spindle.formats.predicate.Comparison;
import io.spindle.formats.predicate.In;
import io.spindle.formats.predicate.IsNotNull;
import io.spindle.formats.predicate.IsNull;
import io.spindle.formats.predicate.Literals;
import io.spindle.formats.predicate.Not;
import io.spindle.formats.predicate.Or;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.io.sarg.PredicateLeaf;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgument;
import org.apache.hadoop.hive.ql.io.sarg.SearchArgumentFactory;
import org.apache.hadoop.hive.serde2.io.HiveDecimalWritable;
import org.apache.orc.TypeDescription;

/**
 * Translates a pushed {@link Predicate} into an ORC {@link SearchArgument}, which ORC evaluates
 * against stripe statistics, row-group indexes and bloom filters to skip data. A leaf that cannot
 * be expressed exactly — a column the file lacks, a binary or char column, a literal that does not
 * convert exactly to the column's type, NaN — becomes "might match" ({@code YES_NO_NULL}), so
 * translation can only lose skipping, never rows.
 */
final class OrcSearchArguments {
    /** A predicate column as the file has it: its exact name and ORC type. */
    record FileColumn(String name, TypeDescription type, DataType spindleType) {}

    private final Map<String, FileColumn> columnsByLowerName;

    /** @param columnsByLowerName the file's top-level flat columns keyed by lower-case name */
    OrcSearchArguments(Map<String, FileColumn> columnsByLowerName) {
        this.columnsByLowerName = columnsByLowerName;
    }

    SearchArgument translate(Predicate predicate) {
        SearchArgument.Builder builder = SearchArgumentFactory.newBuilder();
        add(builder, predicate);
        return builder.build();
    }

    private void add(SearchArgument.Builder builder, Predicate predicate) {
        if (predicate instanceof And and) {
            builder.startAnd();
            add(builder, and.left());
            add(builder, and.right());
            builder.end();
        } else if (predicate instanceof Or or) {
            builder.startOr();
            add(builder, or.left());
            add(builder, or.right());
            builder.end();
        } else if (predicate instanceof Not not) {
            builder.startNot();
            add(builder, not.child());
            builder.end();
        } else if (predicate instanceof Comparison comparison) {
            addComparison(builder, comparison);
        } else if (predicate instanceof In in) {
            addIn(builder, in);
        } else if (predicate instanceof IsNull isNull) {
            addNullTest(builder, isNull.column(), false);
        } else {
            addNullTest(builder, ((IsNotNull) predicate).column(), true);
        }
    }

    private void addComparison(SearchArgument.Builder builder, Comparison comparison) {
        FileColumn column = columnsByLowerName.get(comparison.column().toLowerCase(Locale.ROOT));
        Optional<PredicateLeaf.Type> type = column == null ? Optional.empty() : leafType(column.type());
        Optional<Object> literal = type.flatMap(leaf -> literal(comparison.literal(), column.spindleType()));
        if (literal.isEmpty()) {
            builder.literal(SearchArgument.TruthValue.YES_NO_NULL);
            return;
        }
        String name = column.name();
        PredicateLeaf.Type leaf = type.get();
        Object value = literal.get();
        switch (comparison.operator()) {
            case EQUAL -> builder.equals(name, leaf, value);
            case NOT_EQUAL -> builder.startNot().equals(name, leaf, value).end();
            case LESS_THAN -> builder.lessThan(name, leaf, value);
            case LESS_THAN_OR_EQUAL -> builder.lessThanEquals(name, leaf, value);
            case GREATER_THAN -> builder.startNot().lessThanEquals(name, leaf, value).end();
            case GREATER_THAN_OR_EQUAL -> builder.startNot().lessThan(name, leaf, value).end();
        }
    }

    private void addIn(SearchArgument.Builder builder, In in) {
        FileColumn column = columnsByLowerName.get(in.column().toLowerCase(Locale.ROOT));
        Optional<PredicateLeaf.Type> type = column == null ? Optional.empty() : leafType(column.type());
        List<Object> literals = new ArrayList<>();
        for (Object value : in.values()) {
            Optional<Object> literal = type.flatMap(leaf -> literal(value, column.spindleType()));
            if (literal.isEmpty()) {
                builder.literal(SearchArgument.TruthValue.YES_NO_NULL);
                return;
            }
            literals.add(literal.get());
        }
        builder.in(column.name(), type.get(), literals.toArray());
    }

    private void addNullTest(SearchArgument.Builder builder, String name, boolean negated) {
        FileColumn column = columnsByLowerName.get(name.toLowerCase(Locale.ROOT));
        Optional<PredicateLeaf.Type> type = column == null ? Optional.empty() : leafType(column.type());
        if (type.isEmpty()) {
            builder.literal(SearchArgument.TruthValue.YES_NO_NULL);
        } else if (negated) {
            builder.startNot().isNull(column.name(), type.get()).end();
        } else {
            builder.isNull(column.name(), type.get());
        }
    }

    /** The SARG leaf type of an ORC column; empty for types whose statistics ORC cannot compare exactly. */
    private static Optional<PredicateLeaf.Type> leafType(TypeDescription type) {
        switch (type.getCategory()) {
            case BOOLEAN: return Optional.of(PredicateLeaf.Type.BOOLEAN);
            case BYTE:
            case SHORT:
            case INT:
            case LONG:
                return Optional.of(PredicateLeaf.Type.LONG);
            case FLOAT:
            case DOUBLE:
                return Optional.of(PredicateLeaf.Type.FLOAT);
            case STRING:
            case VARCHAR:
                return Optional.of(PredicateLeaf.Type.STRING);
            case DATE: return Optional.of(PredicateLeaf.Type.DATE);
            case DECIMAL: return Optional.of(PredicateLeaf.Type.DECIMAL);
            case TIMESTAMP:
            case TIMESTAMP_INSTANT:
                return Optional.of(PredicateLeaf.Type.TIMESTAMP);
            default:
                return Optional.empty(); // char (padded), binary, nested
        }
    }

    /** The literal in the Java class ORC expects for the leaf type, if it converts exactly. */
    private static Optional<Object> literal(Object literal, DataType columnType) {
        Optional<Object> exact = Literals.coerce(literal, columnType);
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        Object value = exact.get();
        switch (columnType.kind()) {
            case INT: return Optional.of((long) (Integer) value);
            case DOUBLE: return ((Double) value).isNaN() ? Optional.empty() : Optional.of(value);
            case DECIMAL: return Optional.of(new HiveDecimalWritable(HiveDecimal.create((BigDecimal) value)));
            case DATE: return Optional.of(java.sql.Date.valueOf((LocalDate) value));
            case TIMESTAMP: return Optional.of(Timestamp.from((Instant) value));
            case LONG:
            case BOOLEAN:
            case STRING:
                return Optional.of(value);
            default:
                return Optional.empty();
        }
    }
}
