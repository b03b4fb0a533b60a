package org.clearframe.model;

/** Where an AI use's output ends up: most studio guidance turns on whether it reaches the final cut. */
public enum Output implements Labelled {
    FINAL("In the final deliverable"), TEMPORARY("Temporary (concept, previs, temp)");

    private final String label;
    Output(String label) { this.label = label; }
    @Override public String label() { return label; }
}
