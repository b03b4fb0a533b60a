package org.clearframe.pdf;

import com.lowagie.text.Font;
import org.clearframe.rules.RequiredSignature;

/**
 * A table cell's text built line by line, as runs of text in the document's fonts ({@link CellText}): what a
 * {@link RowSpill} keeps and a {@link Grid} draws. Lines are separated by a line break in the last run's font, and a
 * {@link #gap()} by a line of a tiny font, so entries in one cell stand apart.
 */
final class Lines {

    private final CellText text = new CellText();
    private final Look look;
    private Font lastFont;
    private boolean gapNext;

    Lines(Look look) {
        this.look = look;
    }

    /** Starts a new line with {@code t} in {@code font}. */
    Lines line(Font font, String t) {
        if (lastFont != null) {
            text.add(lastFont, "\n");
            if (gapNext) {
                text.add(look.gap, "\u00A0");
                text.add(look.gap, "\n");
            }
        }
        gapNext = false;
        return and(font, t);
    }

    /** Starts a new line of two runs. */
    Lines line(Font font, String t, Font second, String more) {
        return line(font, t).and(second, more);
    }

    /** Continues the current line. */
    Lines and(Font font, String t) {
        text.add(font, t);
        lastFont = font;
        return this;
    }

    /** A signature's line: the state's marker, who signs, and (with {@code withState}) the state in words. */
    Lines signature(RequiredSignature s, boolean withState) {
        line(look.marker(s.state()), Look.SWATCH + " ").and(look.small, s.who());
        if (withState) and(look.state(s.state()), "  " + Look.word(s.state()));
        return this;
    }

    /** A little space before the next line, to separate entries. */
    Lines gap() {
        gapNext = lastFont != null;
        return this;
    }

    boolean isEmpty() {
        return lastFont == null;
    }

    CellText text() {
        return text;
    }
}
