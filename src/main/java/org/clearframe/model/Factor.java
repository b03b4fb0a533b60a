package org.clearframe.model;

/**
 * Yes/no facts about an AI use that the sign-off rules turn on, beyond its technique and output.
 * Kept as a set so a new fact is one constant, not a new column and constructor argument.
 */
public enum Factor implements Labelled {
    PERFORMER_TOOK_PART("The performer takes part in making it (scan, capture)"),
    BEYOND_CONSENT_SCOPE("Used beyond the project or scenes consent was given for"),
    REPLACES_PRACTICAL("Replaces a planned practical effect, stunt or miniature"),
    REPLACES_HUMAN_ROLE("Replaces a human performer in a speaking or featured role"),
    BUILT_FROM_REAL_PERSON("Built from the recognisable features of a real person"),
    KEY_CREATIVE("Generates a key story element, main character or central visual design"),
    REFERENCES_PROTECTED_WORK("References a copyrighted work, an artist's style or a public figure"),
    COULD_PASS_AS_REAL("Could be taken as real footage of real people or events");

    private final String label;
    Factor(String label) { this.label = label; }
    @Override public String label() { return label; }
}
