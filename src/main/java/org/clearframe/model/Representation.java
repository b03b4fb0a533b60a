package org.clearframe.model;

/**
 * Who negotiated a performer's replica terms. California AB 2602 (Labor Code 927) and New York GOL 5-302 void a
 * vague replica term only when the performer had neither a lawyer nor a union agreement covering replicas.
 */
public enum Representation implements Labelled {
    UNION("Union agreement covering replicas"),
    LAWYER("Lawyer who negotiated the terms"),
    NEITHER("Neither lawyer nor union"),
    UNKNOWN("Not recorded");

    private final String label;
    Representation(String label) { this.label = label; }
    @Override public String label() { return label; }
}
