package org.clearframe.importer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which CSV column (0-based) holds which shot field; fields not in the map are not imported. A mapping is
 * usable once it has a scene column, since every shot must belong to a scene.
 */
public record ColumnMapping(Map<ShotField, Integer> columns) {

    public ColumnMapping {
        EnumMap<ShotField, Integer> copy = new EnumMap<>(ShotField.class);
        columns.forEach((field, column) -> {
            if (column != null && column >= 0) copy.put(field, column);
        });
        columns = Collections.unmodifiableMap(copy);
    }

    public static ColumnMapping none() {
        return new ColumnMapping(Map.of());
    }

    public OptionalInt column(ShotField field) {
        Integer c = columns.get(field);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** This mapping with {@code field} read from {@code column}, or not read at all when {@code column} is negative. */
    public ColumnMapping with(ShotField field, int column) {
        EnumMap<ShotField, Integer> copy = new EnumMap<>(ShotField.class);
        copy.putAll(columns);
        if (column < 0) copy.remove(field);
        else copy.put(field, column);
        return new ColumnMapping(copy);
    }

    public boolean isUsable() {
        return columns.containsKey(ShotField.SCENE);
    }

    /**
     * Guesses the mapping from header names: an exact match of a known name first ("Scene #" and "scene no."
     * both read as "scene no"), then a header that starts with one. Each column is used for one field at most.
     */
    public static ColumnMapping guess(List<String> header) {
        EnumMap<ShotField, Integer> found = new EnumMap<>(ShotField.class);
        List<String> names = header.stream().map(ColumnMapping::normalise).toList();
        for (boolean exact : new boolean[] {true, false}) {
            for (ShotField field : ShotField.values()) {
                if (found.containsKey(field)) continue;
                for (int c = 0; c < names.size() && !found.containsKey(field); c++) {
                    if (found.containsValue(c)) continue;
                    for (String known : field.headers()) {
                        String name = names.get(c);
                        if (exact ? name.equals(known) : name.startsWith(known + " ")) {
                            found.put(field, c);
                            break;
                        }
                    }
                }
            }
        }
        return new ColumnMapping(found);
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replace("#", " no ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
