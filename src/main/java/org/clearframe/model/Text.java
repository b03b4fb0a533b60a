package org.clearframe.model;

/** Null-safe text helpers shared by the records, so every text field reads as "" rather than null. */
public final class Text {
    private Text() {}

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
