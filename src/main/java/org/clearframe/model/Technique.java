package org.clearframe.model;

/** The kinds of generative AI use a breakdown distinguishes; the policy's triggers name these constants. */
public enum Technique implements Labelled {
    GENERATIVE_VFX("Generative VFX / environment"),
    DESTRUCTION_SIMULATION("Destruction or simulation"),
    DE_AGING("De-aging or re-aging"),
    FACE_BODY_REPLACEMENT("Face or body replacement"),
    DIGITAL_REPLICA("Digital double / replica of a performer"),
    PERFORMANCE_ALTERATION("Alteration of a recorded performance"),
    VOICE_SYNTHESIS("Voice synthesis or cloning"),
    SYNTHETIC_PERFORMER("Synthetic performer"),
    SYNTHETIC_CROWD("Synthetic crowd or background"),
    SET_CONCEPT("Set or environment concept"),
    WARDROBE_CONCEPT("Wardrobe concept"),
    MAKEUP_CONCEPT("Makeup / prosthetic concept"),
    STORYBOARD_PREVIS("Storyboard or previs"),
    SCRIPT_GENERATION("Script or dialogue generation"),
    PROPS_GRAPHICS("Props and graphics (posters, signage, documents, news clippings, screens)"),
    OTHER("Other");

    private final String label;
    Technique(String label) { this.label = label; }
    @Override public String label() { return label; }
}
