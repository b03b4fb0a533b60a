package org.clearframe.model;

/** Whether the work is fiction: AI content that could pass as real weighs more in documentary work. */
public enum Genre implements Labelled {
    FICTION("Fiction"), DOCUMENTARY("Documentary or factual");

    private final String label;
    Genre(String label) { this.label = label; }
    @Override public String label() { return label; }
}
