package org.clearframe.store;

import org.clearframe.model.Labelled;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How values the model holds are kept in a column, both ways. Reading is lenient where a hand-edited or newer file
 * may hold something else: an unknown name or a bad date reads as not recorded, which the rules treat as missing.
 */
final class Columns {

    private Columns() {}

    static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> enumSet(Class<E> type, String csv) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) return set;
        Arrays.stream(csv.split(",")).map(n -> Labelled.parse(type, n, null)).filter(e -> e != null).forEach(set::add);
        return set;
    }

    static UUID uuid(String s) {
        return UUID.fromString(s);
    }

    static UUID uuidOrNull(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The AI share of the frame as stored; anything outside 0-100 (a hand-edited file) reads as not recorded. */
    static Integer frameShare(Object value) {
        if (!(value instanceof Number n)) return null;
        long v = n.longValue();
        return v >= 0 && v <= 100 && n.doubleValue() == v ? (int) v : null;
    }

    static String dateText(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate dateOrNull(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // not a date Clearframe wrote: read as not recorded, which the rules treat as missing
        }
    }

    static String ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static List<UUID> uuids(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        List<UUID> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            try {
                out.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException ignored) {
                // not an id: it can widen no scope
            }
        }
        return out;
    }
}
