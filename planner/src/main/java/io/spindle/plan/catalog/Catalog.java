package io.spindle.plan.catalog;

import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;

/**
 * Resolves table names to logical plans. The session asks its temp views first, then the catalog
 * plugged in after them (the Hive Metastore), so a temp view shadows a table of the same name.
 */
public interface Catalog {

    /** The plan that reads {@code name}, or empty when this catalog does not know it. */
    Optional<LogicalPlan> lookup(TableName name);

    /** A catalog that knows no tables: the default until a metastore is configured. */
    static Catalog empty() {
        return name -> Optional.empty();
    }
}
