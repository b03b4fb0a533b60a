package org.clearframe.pdf;

import com.lowagie.text.Font;

import java.util.Arrays;

/**
 * A table cell's text as runs of one font each, as a {@link RowSpill} keeps them; a line break inside a run starts a
 * new line. Reused from row to row, so reading a long table makes no garbage per cell beyond the strings themselves.
 */
final class CellText {

    private Font[] fonts = new Font[8];
    private String[] texts = new String[8];
    private int size;

    static CellText of(Font font, String text) {
        CellText t = new CellText();
        t.add(font, text);
        return t;
    }

    CellText clear() {
        Arrays.fill(texts, 0, size, null);
        size = 0;
        return this;
    }

    CellText add(Font font, String text) {
        if (size == fonts.length) {
            fonts = Arrays.copyOf(fonts, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        fonts[size] = font;
        texts[size] = text;
        size++;
        return this;
    }

    int size() {
        return size;
    }

    Font font(int run) {
        return fonts[run];
    }

    String text(int run) {
        return texts[run];
    }
}
