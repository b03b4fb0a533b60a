package org.clearframe.model;

/**
 * What a consent allows, as the unions separate it: making a replica is one consent, each use of a replica (or an
 * alteration of a recorded performance) is another, and a voice is its own.
 */
public enum ConsentKind implements Labelled {
    CREATE_REPLICA("Create a digital replica"),
    USE_REPLICA_OR_ALTERATION("Use a replica, or alter a performance"),
    VOICE("Synthesise or clone the voice");

    private final String label;
    ConsentKind(String label) { this.label = label; }
    @Override public String label() { return label; }
}
