package org.clearframe.model;

/** Yes, no, or not known yet: "unknown" is a real answer on a breakdown and must not read as "no". */
public enum Tristate implements Labelled {
    YES("Yes"), NO("No"), UNKNOWN("Unknown");

    private final String label;
    Tristate(String label) { this.label = label; }
    @Override public String label() { return label; }
}
