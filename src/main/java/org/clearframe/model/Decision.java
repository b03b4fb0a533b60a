package org.clearframe.model;

public enum Decision implements Labelled {
    APPROVED("Approved"), APPROVED_WITH_CONDITIONS("Approved with conditions"), DECLINED("Declined");

    private final String label;
    Decision(String label) { this.label = label; }
    @Override public String label() { return label; }

    public boolean approves() {
        return this != DECLINED;
    }
}
