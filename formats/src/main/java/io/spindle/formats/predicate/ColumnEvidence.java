package io.spindle.formats.predicate;

import java.util.List;
import java.util.Optional;

/** What a reader knows about the columns of one unit of data, for {@link PredicateEvaluator}. */
public interface ColumnEvidence {
    /** Statistics of the named column; {@link ColumnStatistics#unknown} when the file has none. */
    ColumnStatistics statistics(String column);

    /**
     * Every distinct non-null value of the named column, when known exactly — typically because the
     * column chunk is entirely dictionary-encoded. Called only when statistics could not decide, so
     * an implementation may read the dictionary lazily.
     */
    default Optional<List<Object>> distinctValues(String column) {
        return Optional.empty();
    }

    /** Evidence with statistics only. */
    static ColumnEvidence statisticsOnly(ColumnEvidence evidence) {
        return evidence::statistics;
    }
}
