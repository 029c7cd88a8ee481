package io.spindle.formats.types;

import io.spindle.conf.EditDistance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ordered list of fields. Field names are unique ignoring case, and lookups ignore case,
 * because Hive's metastore lower-cases column names while files keep the writer's case.
 */
public final class Schema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Field> fields;
    private final Map<String, Integer> indexByLowerName;

    public Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            String key = lower(this.fields.get(i).name());
            Integer previous = index.put(key, i);
            if (previous != null) {
                throw new IllegalArgumentException("Duplicate column '" + this.fields.get(i).name()
                        + "' (same as '" + this.fields.get(previous).name() + "' ignoring case) in "
                        + describe(this.fields));
            }
        }
        this.indexByLowerName = Map.copyOf(index);
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    /**
     * The field with this name, ignoring case.
     *
     * @throws IllegalArgumentException naming the column, the closest existing field, and the schema
     */
    public Field field(String name) {
        return fields.get(indexOf(name));
    }

    /** Position of the field with this name, ignoring case; throws as {@link #field(String)}. */
    public int indexOf(String name) {
        Integer index = indexByLowerName.get(lower(name));
        if (index == null) {
            throw new IllegalArgumentException(missingMessage(name));
        }
        return index;
    }

    /** Position of the field with this name ignoring case, if present. */
    public Optional<Integer> findIndex(String name) {
        return Optional.ofNullable(indexByLowerName.get(lower(name)));
    }

    public boolean contains(String name) {
        return indexByLowerName.containsKey(lower(name));
    }

    /** The named fields, in the order given; throws as {@link #field(String)} for an unknown name. */
    public Schema select(List<String> names) {
        List<Field> selected = new ArrayList<>(names.size());
        for (String name : names) {
            selected.add(field(name));
        }
        return new Schema(selected);
    }

    public Schema select(String... names) {
        return select(List.of(names));
    }

    public List<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema && ((Schema) other).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** {@code struct<a:int,b:string>}. */
    @Override
    public String toString() {
        return describe(fields);
    }

    private String missingMessage(String name) {
        StringBuilder message = new StringBuilder("No column '").append(name).append("'");
        closestName(name).ifPresent(closest -> message.append("; did you mean '").append(closest).append("'?"));
        return message.append(" Columns: ").append(describe(fields)).toString();
    }

    private Optional<String> closestName(String name) {
        String target = lower(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Field field : fields) {
            int distance = EditDistance.between(target, lower(field.name()));
            if (distance < bestDistance) {
                best = field.name();
                bestDistance = distance;
            }
        }
        // A suggestion far from what was typed is noise, not help.
        return bestDistance <= Math.max(2, target.length() / 2) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String describe(List<Field> fields) {
        return fields.stream()
                .map(field -> field.name() + ":" + field.type().simpleString())
                .collect(Collectors.joining(",", "struct<", ">"));
    }
}
