package org.clearframe.model;

/** An enum value with the words a producer reads, as opposed to the constant name kept in files. */
public interface Labelled {
    String label();

    /** Finds a constant by its name, falling back to {@code fallback} for unknown or blank text. */
    static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        if (name == null || name.isBlank()) return fallback;
        try {
            return Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
