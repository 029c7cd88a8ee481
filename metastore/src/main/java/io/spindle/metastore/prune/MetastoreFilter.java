package io.spindle.metastore.prune;

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
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Translates the partition-column part of a {@link Predicate} into the metastore's filter grammar,
 * as far as the metastore evaluates it the way Spindle does.
 *
 * <p>What the Hive 4.0.1 metastore was found to accept (tests pin it): {@code = <> < <= > >=} and
 * {@code and}/{@code or} on string columns (string literals, compared as strings), on integral
 * columns (unquoted integers, compared as numbers; with direct SQL or integral JDO pushdown) and
 * on date columns (quoted {@code yyyy-MM-dd}). It has no {@code IN} (expanded into ORs here) and
 * no {@code NOT} (negations are pushed into the comparisons first). It compares string columns'
 * {@code __HIVE_DEFAULT_PARTITION__} like any string, so a pushed filter may return the null
 * partition; callers evaluate the whole predicate on the returned values, which is exact.
 *
 * <p>Not pushed: IS [NOT] NULL, NOT IN (null semantics differ), other column types (boolean,
 * decimal, double, timestamp: stored as strings whose order is not the values' order), string
 * literals containing quotes or backslashes (the grammar's escaping is not documented), literals
 * that do not convert exactly to the column's type, and anything on data columns.
 *
 * <p>Top-level conjuncts are pushed one by one, so {@code dt >= '2026-01-01' AND dt IS NULL} pushes
 * the first; inside an OR, both sides must be pushable.
 */
public final class MetastoreFilter {
    /** A longer IN list makes a filter the metastore parses slowly; names are cheaper then. */
    private static final int MAX_IN_VALUES = 1000;

    private final Schema partitionSchema;

    private MetastoreFilter(Schema partitionSchema) {
        this.partitionSchema = partitionSchema;
    }

    /**
     * @param pushed the filter string for the pushable conjuncts, empty if none is
     * @param residual the conjuncts on partition columns that were not pushed
     */
    public record Translation(Optional<String> pushed, List<Predicate> residual) {}

    public static Translation translate(Predicate predicate, Schema partitionSchema) {
        MetastoreFilter filter = new MetastoreFilter(partitionSchema);
        List<String> pushed = new ArrayList<>();
        List<Predicate> residual = new ArrayList<>();
        for (Predicate conjunct : conjuncts(pushNegationDown(predicate, false))) {
            Optional<String> text = filter.render(conjunct);
            if (text.isPresent()) {
                pushed.add(text.get());
            } else if (filter.readsPartitionColumn(conjunct)) {
                residual.add(conjunct);
            }
        }
        return new Translation(pushed.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", pushed)),
                List.copyOf(residual));
    }

    private Optional<String> render(Predicate predicate) {
        if (predicate instanceof Comparison comparison) {
            return literal(comparison.column(), comparison.literal())
                    .map(value -> column(comparison.column()) + " " + comparison.operator().symbol() + " " + value);
        }
        if (predicate instanceof In in) {
            if (in.values().size() > MAX_IN_VALUES) {
                return Optional.empty();
            }
            StringJoiner alternatives = new StringJoiner(" or ", "(", ")");
            for (Object value : in.values()) {
                Optional<String> literal = literal(in.column(), value);
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                alternatives.add(column(in.column()) + " = " + literal.get());
            }
            return Optional.of(alternatives.toString());
        }
        if (predicate instanceof And and) {
            return both(render(and.left()), render(and.right()), "and");
        }
        if (predicate instanceof Or or) {
            return both(render(or.left()), render(or.right()), "or");
        }
        return Optional.empty(); // IS NULL, IS NOT NULL, NOT IN
    }

    private static Optional<String> both(Optional<String> left, Optional<String> right, String operator) {
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("(" + left.get() + " " + operator + " " + right.get() + ")");
    }

    /** The literal as the filter grammar writes it for this column, if the column's type is pushable. */
    private Optional<String> literal(String column, Object literal) {
        Optional<Integer> index = partitionSchema.findIndex(column);
        if (index.isEmpty() || !isPlainIdentifier(column)) {
            return Optional.empty();
        }
        DataType type = partitionSchema.field(index.get()).type();
        Optional<Object> value = Literals.coerce(literal, type);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        switch (type.kind()) {
            case INT:
            case LONG:
                return Optional.of(value.get().toString());
            case STRING:
            case DATE:
                String text = value.get().toString();
                boolean needsEscaping = text.indexOf('\'') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\\') >= 0;
                return needsEscaping ? Optional.empty() : Optional.of("'" + text + "'");
            default:
                return Optional.empty();
        }
    }

    private String column(String name) {
        return partitionSchema.field(name).name().toLowerCase(java.util.Locale.ROOT);
    }

    private boolean readsPartitionColumn(Predicate predicate) {
        return predicate.columns().stream().anyMatch(partitionSchema::contains);
    }

    private static boolean isPlainIdentifier(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                && !Character.isDigit(name.charAt(0));
    }

    private static List<Predicate> conjuncts(Predicate predicate) {
        List<Predicate> conjuncts = new ArrayList<>();
        if (predicate instanceof And and) {
            conjuncts.addAll(conjuncts(and.left()));
            conjuncts.addAll(conjuncts(and.right()));
        } else {
            conjuncts.add(predicate);
        }
        return conjuncts;
    }

    /**
     * NOT moved down to the leaves (De Morgan; NOT (a < 5) is a >= 5), exact under three-valued
     * logic because a partition is selected only when the predicate is TRUE. NOT stays above IN,
     * IS NULL and IS NOT NULL turn into each other.
     */
    static Predicate pushNegationDown(Predicate predicate, boolean negate) {
        if (predicate instanceof Not not) {
            return pushNegationDown(not.child(), !negate);
        }
        if (predicate instanceof And and) {
            Predicate left = pushNegationDown(and.left(), negate);
            Predicate right = pushNegationDown(and.right(), negate);
            return negate ? new Or(left, right) : new And(left, right);
        }
        if (predicate instanceof Or or) {
            Predicate left = pushNegationDown(or.left(), negate);
            Predicate right = pushNegationDown(or.right(), negate);
            return negate ? new And(left, right) : new Or(left, right);
        }
        if (!negate) {
            return predicate;
        }
        if (predicate instanceof Comparison comparison) {
            return new Comparison(comparison.column(), comparison.operator().negate(), comparison.literal());
        }
        if (predicate instanceof IsNull isNull) {
            return new IsNotNull(isNull.column());
        }
        if (predicate instanceof IsNotNull isNotNull) {
            return new IsNull(isNotNull.column());
        }
        return new Not(predicate);
    }
}
