package org.clearframe.exchange;

import org.clearframe.model.Labelled;

/**
 * In what capacity a reply's signer gives a performer's consent: as the performer, or as the representative the
 * producer named in the performer's package. An estate is the only one who can sign for a deceased performer.
 */
public enum Capacity implements Labelled {
    SELF("the performer themselves"), AGENT("agent"), LAWYER("lawyer"), ESTATE("estate");

    private final String label;
    Capacity(String label) { this.label = label; }
    @Override public String label() { return label; }
}
