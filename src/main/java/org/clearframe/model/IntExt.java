package org.clearframe.model;

public enum IntExt implements Labelled {
    INT("INT."), EXT("EXT."), INT_EXT("INT./EXT.");

    private final String label;
    IntExt(String label) { this.label = label; }
    @Override public String label() { return label; }
}
