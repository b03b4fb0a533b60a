package org.clearframe.rules;

import org.clearframe.model.Labelled;

import java.util.List;

/** A shot's sign-off picture in one word, as the shots table and the PDF show it. Worst state wins. */
public enum ShotStatus implements Labelled {
    NO_AI("No AI use"), CLEAR("Clear"), NEEDS_SIGNOFF("Needs sign-off"), STALE("Stale sign-off"), DECLINED("Declined");

    private final String label;
    ShotStatus(String label) { this.label = label; }
    @Override public String label() { return label; }

    public static ShotStatus of(boolean hasAiUse, List<Flag> flags) {
        if (!hasAiUse) return NO_AI;
        if (flags.stream().anyMatch(Flag::declined)) return DECLINED;
        if (flags.stream().anyMatch(Flag::stale)) return STALE;
        if (flags.stream().anyMatch(Flag::open)) return NEEDS_SIGNOFF;
        return CLEAR;
    }
}
