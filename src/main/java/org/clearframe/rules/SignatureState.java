package org.clearframe.rules;

import org.clearframe.model.Labelled;

/** Where one required signature stands for one flag. */
public enum SignatureState implements Labelled {
    MISSING("Missing"), APPROVED("Approved"), APPROVED_WITH_CONDITIONS("Approved with conditions"),
    DECLINED("Declined"), STALE("Stale: the plan changed after signing");

    private final String label;
    SignatureState(String label) { this.label = label; }
    @Override public String label() { return label; }

    /** True when this signature still needs someone's attention. */
    public boolean open() {
        return this != APPROVED && this != APPROVED_WITH_CONDITIONS;
    }
}
