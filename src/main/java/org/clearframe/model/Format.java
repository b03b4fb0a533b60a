package org.clearframe.model;

public enum Format implements Labelled {
    FEATURE("Feature"), SERIES_EPISODE("Series episode"), SHORT("Short"), COMMERCIAL("Commercial");

    private final String label;
    Format(String label) { this.label = label; }
    @Override public String label() { return label; }
}
