package org.clearframe.model;

public enum ShotSize implements Labelled {
    EXTREME_WIDE("EWS"), WIDE("WS"), FULL("FS"), MEDIUM_WIDE("MWS"), MEDIUM("MS"), MEDIUM_CLOSE("MCU"),
    CLOSE_UP("CU"), EXTREME_CLOSE_UP("ECU"), OVER_THE_SHOULDER("OTS"), TWO_SHOT("2-shot"), INSERT("Insert"),
    POV("POV"), AERIAL("Aerial");

    private final String label;
    ShotSize(String label) { this.label = label; }
    @Override public String label() { return label; }
}
