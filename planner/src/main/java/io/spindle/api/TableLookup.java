package io.spindle.api;

import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.NameSuggestions;
import io.spindle.plan.analysis.AnalysisException;
import io.spindle.plan.catalog.Catalog;
import io.spindle.plan.catalog.TableName;
import io.spindle.plan.catalog.TempViews;
import io.spindle.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link Session#table} names: a temp view of the session first, then a table of the plugged
 * catalog or else of the metastore. A name found nowhere fails naming it, with the closest temp
 * view and the metastore's closest tables.
 */
final class TableLookup {
    private final TempViews tempViews = new TempViews();
    private final Supplier<TableCatalog> metastore;
    /** A catalog plugged in instead of the metastore's; null means the metastore. */
    private volatile Catalog plugged;

    TableLookup(Supplier<TableCatalog> metastore) {
        this.metastore = metastore;
    }

    TempViews tempViews() {
        return tempViews;
    }

    void plug(Catalog catalog) {
        this.plugged = Objects.requireNonNull(catalog);
    }

    /** {@code t} in the current database, {@code db.t}, back-quoted parts ({@code `my-db`.t}). */
    LogicalPlan resolve(String name) {
        List<String> parts = io.spindle.metastore.TableName.parts(name);
        TableName parsed = parts.size() == 1 ? new TableName(Optional.empty(), parts.get(0))
                : new TableName(Optional.of(parts.get(0)), parts.get(parts.size() - 1));
        Optional<LogicalPlan> view = tempViews.lookup(parsed);
        if (view.isPresent()) {
            return view.get();
        }
        String suggestion = parsed.database().isPresent() ? "" : NameSuggestions.didYouMean(parsed.table(),
                tempViews.names());
        Catalog catalog = plugged;
        if (catalog != null) {
            return catalog.lookup(parsed).orElseThrow(() -> new AnalysisException("Table or view not found: " + name
                    + (suggestion.isEmpty() ? "" : suggestion + " (a temp view)")));
        }
        try {
            return metastore.get().scan(name);
        } catch (CatalogException e) {
            if (e.code() == CatalogErrorCode.TABLE_NOT_FOUND || e.code() == CatalogErrorCode.DATABASE_NOT_FOUND) {
                throw new AnalysisException("Table or view not found: " + name
                        + (suggestion.isEmpty() ? "" : suggestion + " (a temp view)") + ". " + e.getMessage());
            }
            throw e;
        }
    }
}
