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
    COULD_PASS_AS_REAL("Could be taken as real footage of real people or events"),
    // Added with policy 2026.12; stored by name, so older files simply never have them.
    DECEASED_PERSON_OUTSIDE_CAST("Reproduces a deceased person who is not in the cast (name them in the notes)"),
    USED_OUTSIDE_PRODUCTION("A replica or model of a performer is used in a pitch, concept or another production"),
    BUILT_FROM_BACKGROUND_SCANS("Built from scans of real background actors"),
    FABRICATES_REAL("Fabricates real people, events or statements (e.g. a fake news segment), in any genre"),
    ALTERATION_EXEMPT("Only a change SAG-AFTRA exempts: cosmetics, wardrobe, noise reduction, timing or speed, continuity, "
            + "pitch or tone, effects or filters, standards and practices, ratings, an adjustment in dialogue or narration");

    private final String label;
    Factor(String label) { this.label = label; }
    @Override public String label() { return label; }
}
