package io.spindle.formats.orc;

import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.orc.BooleanColumnStatistics;
import org.apache.orc.DateColumnStatistics;
import org.apache.orc.DecimalColumnStatistics;
import org.apache.orc.DoubleColumnStatistics;
import org.apache.orc.IntegerColumnStatistics;
import org.apache.orc.StringColumnStatistics;

/**
 * Converts an ORC writer's file statistics into Spindle's, for {@link io.spindle.formats.WrittenFile}.
 * ORC counts non-null values, so the null count is rows minus values. Timestamp and binary bounds
 * are left unknown: ORC keeps timestamp bounds in milliseconds in the writer's zone, and has none
 * for binary.
 */
final class OrcStatistics {
    private OrcStatistics() {}

    /** @param statistics one entry per ORC column id: 0 is the root struct, then the schema's fields */
    static Map<String, ColumnStatistics> of(Schema schema, org.apache.orc.ColumnStatistics[] statistics, long rows) {
        Map<String, ColumnStatistics> result = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            result.put(field.name(), of(field.type(), statistics[i + 1], rows));
        }
        return result;
    }

    private static ColumnStatistics of(DataType type, org.apache.orc.ColumnStatistics statistics, long rows) {
        long values = statistics.getNumberOfValues();
        long nulls = rows - values;
        if (values == 0) {
            return ColumnStatistics.allNull(type, rows);
        }
        Object min = null;
        Object max = null;
        if (statistics instanceof IntegerColumnStatistics integers) {
            min = type.kind() == io.spindle.formats.types.TypeKind.INT ? (Object) (int) integers.getMinimum() : integers.getMinimum();
            max = type.kind() == io.spindle.formats.types.TypeKind.INT ? (Object) (int) integers.getMaximum() : integers.getMaximum();
        } else if (statistics instanceof DoubleColumnStatistics doubles && !Double.isNaN(doubles.getMinimum())
                && !Double.isNaN(doubles.getMaximum())) {
            // ORC drops NaN from the bounds, so its max does not bound NaN rows: maxIncludesNaN false below.
            min = doubles.getMinimum();
            max = doubles.getMaximum();
        } else if (statistics instanceof StringColumnStatistics strings && strings.getLowerBound() != null) {
            min = strings.getLowerBound();
            max = strings.getUpperBound();
        } else if (statistics instanceof DateColumnStatistics dates) {
            min = LocalDate.ofEpochDay(dates.getMinimumDayOfEpoch());
            max = LocalDate.ofEpochDay(dates.getMaximumDayOfEpoch());
        } else if (statistics instanceof DecimalColumnStatistics decimals && decimals.getMinimum() != null) {
            min = decimals.getMinimum().bigDecimalValue();
            max = decimals.getMaximum().bigDecimalValue();
        } else if (statistics instanceof BooleanColumnStatistics booleans) {
            min = booleans.getFalseCount() == 0;
            max = booleans.getTrueCount() > 0;
        }
        if (min instanceof BigDecimal && type instanceof io.spindle.formats.types.DecimalType decimal) {
            min = ((BigDecimal) min).setScale(decimal.scale());
            max = ((BigDecimal) max).setScale(decimal.scale());
        }
        boolean maxIncludesNaN = type.kind() != io.spindle.formats.types.TypeKind.DOUBLE;
        return min == null ? new ColumnStatistics(type, null, null, nulls, rows, maxIncludesNaN)
                : new ColumnStatistics(type, min, max, nulls, rows, maxIncludesNaN);
    }
}
