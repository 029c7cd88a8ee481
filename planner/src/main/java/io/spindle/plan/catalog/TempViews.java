package io.spindle.plan.catalog;

import io.spindle.plan.logical.LogicalPlan;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The session's temporary views: analyzed plans by unqualified name, living as long as the
 * session. A qualified name ({@code db.view}) never names a temp view, as in Spark.
 */
public final class TempViews implements Catalog {
    private final ConcurrentMap<String, LogicalPlan> views = new ConcurrentHashMap<>();

    public void createOrReplace(String name, LogicalPlan plan) {
        TableName parsed = TableName.parse(name);
        if (parsed.database().isPresent()) {
            throw new IllegalArgumentException("A temp view name cannot be qualified by a database: " + name);
        }
        views.put(parsed.table(), plan);
    }

    /** Whether a view of that name existed. */
    public boolean drop(String name) {
        return views.remove(TableName.parse(name).table()) != null;
    }

    /** The names of the views, for suggestions when a name is not found. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(views.keySet());
    }

    @Override
    public Optional<LogicalPlan> lookup(TableName name) {
        return name.database().isPresent() ? Optional.empty() : Optional.ofNullable(views.get(name.table()));
    }
}
