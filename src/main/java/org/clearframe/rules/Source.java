package org.clearframe.rules;

import java.time.LocalDate;

/**
 * Where a rule comes from: a short label ("SAG2026"), the exact document (agreement, law, guidance), a URL when
 * there is one, the dates it applies from and until (null: open), and how far its text was checked.
 */
public record Source(String label, String document, String url, LocalDate appliesFrom, LocalDate appliesUntil,
                     Checked checked) {

    /** How much of the source the policy's author read: a producer or lawyer should know what a rule rests on. */
    public enum Checked {
        /** The agreement's, law's or guidance's own text was read. */
        PRIMARY_TEXT("primary text checked"),
        /** Only a union summary, press report or law-firm note was read. */
        SUMMARY_ONLY("only a summary was read"),
        /** Not an outside authority: a Clearframe or studio house rule. */
        HOUSE_RULE("house rule"),
        /** The policy file does not say (files in the format before schema 2). */
        NOT_STATED("not stated");

        private final String label;
        Checked(String label) { this.label = label; }
        public String label() { return label; }
    }

    public Source {
        label = label == null ? "" : label;
        document = document == null ? "" : document;
        url = url == null ? "" : url;
        checked = checked == null ? Checked.NOT_STATED : checked;
    }

    /** A source as policy format 1 described it: no dates, and nothing said about what was checked. */
    public Source(String label, String document, String url) {
        this(label, document, url, null, null, Checked.NOT_STATED);
    }

    /** True when the source applied on {@code day} (open ends apply always). */
    public boolean appliesOn(LocalDate day) {
        return (appliesFrom == null || !day.isBefore(appliesFrom)) && (appliesUntil == null || !day.isAfter(appliesUntil));
    }

    /** "1 Jul 2026 to 30 Jun 2030", "from 2 Aug 2026", or "" when undated. */
    public String period() {
        if (appliesFrom == null && appliesUntil == null) return "";
        if (appliesUntil == null) return "from " + appliesFrom;
        if (appliesFrom == null) return "until " + appliesUntil;
        return appliesFrom + " to " + appliesUntil;
    }
}
