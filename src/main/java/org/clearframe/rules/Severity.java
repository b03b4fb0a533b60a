package org.clearframe.rules;

import org.clearframe.model.Labelled;

/** Blocking: the shot must not go ahead without the sign-off. Advisory: record it and notify. */
public enum Severity implements Labelled {
    BLOCKING("Blocking"), ADVISORY("Advisory");

    private final String label;
    Severity(String label) { this.label = label; }
    @Override public String label() { return label; }
}
