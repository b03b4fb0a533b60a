package org.clearframe.model;

/** Material uploaded to an AI tool. An empty set means nothing from the production is uploaded. */
public enum Material implements Labelled {
    PRODUCTION_MATERIAL("Production material (script, dailies, unreleased art)"),
    LIKENESS_OR_VOICE("A performer's likeness or voice"),
    PERSONAL_DATA("Cast or crew personal data");

    private final String label;
    Material(String label) { this.label = label; }
    @Override public String label() { return label; }
}
