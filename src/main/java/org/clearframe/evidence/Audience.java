package org.clearframe.evidence;

import java.util.Locale;

/** Who the pack is for. The contents are the same for all; the statement names its reader and leads with what they ask. */
public enum Audience {
    INSURER("errors-and-omissions insurer"), DISTRIBUTOR("distributor"), FESTIVAL("festival");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "insurer", "distributor" or "festival" (any case); null for anything else. */
    public static Audience parse(String text) {
        if (text == null) return null;
        for (Audience a : values()) if (a.name().equals(text.strip().toUpperCase(Locale.ROOT))) return a;
        return null;
    }
}
