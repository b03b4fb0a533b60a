package org.clearframe.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A cell's text broken into lines for one column width: measured once, then drawn by {@link Grid}. Lines break after a
 * space or a hyphen, as OpenPDF breaks them, and inside a word only when the word alone is wider than the column. Each
 * line is as tall as its largest font times the cell's leading, and the block is as tall as its lines. Reused from row
 * to row.
 */
final class TextBlock {

    /** Segments: a piece of one run on one line. */
    private Font[] segFont = new Font[16];
    private String[] segText = new String[16];
    private int segs;
    /** Lines: the segment after each line's last, its height, its width. */
    private int[] lineEnd = new int[8];
    private float[] lineHeight = new float[8];
    private float[] lineWidth = new float[8];
    private int lines;

    int lines() {
        return lines;
    }

    float lineHeight(int line) {
        return lineHeight[line];
    }

    float lineWidth(int line) {
        return lineWidth[line];
    }

    int firstSegment(int line) {
        return line == 0 ? 0 : lineEnd[line - 1];
    }

    int endSegment(int line) {
        return lineEnd[line];
    }

    Font font(int segment) {
        return segFont[segment];
    }

    String text(int segment) {
        return segText[segment];
    }

    /** The height of lines {@code from} to {@code to} (exclusive). */
    float height(int from, int to) {
        float h = 0;
        for (int i = from; i < to; i++) h += lineHeight[i];
        return h;
    }

    /**
     * Breaks {@code text} into lines no wider than {@code width}, each {@code leading} times its largest font size tall.
     */
    TextBlock layout(CellText text, float width, float leading, Widths widths) {
        Arrays.fill(segText, 0, segs, null);
        segs = 0;
        lines = 0;
        int run = 0, at = 0;
        while (run < text.size() && at >= text.text(run).length()) { run++; at = 0; }
        // the line being built: where it starts, its width so far, and the last place it may break (after a space or hyphen)
        int startRun = run, startAt = at;
        int breakRun = -1, breakAt = 0;
        // lineW counts every character so far, inkW stops at the last one that is not a space (a line's width for alignment)
        float breakWidth = 0, lineW = 0, inkW = 0, maxSize = 0, breakMax = 0;
        boolean any = false;
        while (run < text.size()) {
            String s = text.text(run);
            Font font = text.font(run);
            Widths.Table w = widths.of(font);
            float size = font.getSize(), scale = size / 1000f;
            int length = s.length();
            boolean wrapped = false;
            while (at < length) {
                char c = s.charAt(at);
                if (c == '\n') {
                    maxSize = Math.max(maxSize, size);
                    line(text, startRun, startAt, run, at, inkW, maxSize * leading);
                    at++;
                    startRun = run; startAt = at; lineW = 0; inkW = 0; maxSize = 0; breakRun = -1; any = false;
                    continue;
                }
                float cw = w.of(c, s, at) * scale;
                if (any && lineW + cw > width && c != ' ') {
                    if (breakRun >= 0 && breakWidth > 0) {
                        line(text, startRun, startAt, breakRun, breakAt, breakWidth, breakMax * leading);
                        run = breakRun; at = breakAt;
                    } else {
                        line(text, startRun, startAt, run, at, inkW, maxSize * leading);
                    }
                    // a wrapped line does not start with the spaces it wrapped at
                    while (run < text.size() && (at >= text.text(run).length() || text.text(run).charAt(at) == ' ')) {
                        if (at >= text.text(run).length()) { run++; at = 0; } else at++;
                    }
                    startRun = run; startAt = at; lineW = 0; inkW = 0; maxSize = 0; breakRun = -1; any = false;
                    wrapped = true;
                    break;
                }
                lineW += cw;
                if (c != ' ') inkW = lineW;
                if (size > maxSize) maxSize = size;
                any = true;
                at += Character.isHighSurrogate(c) && at + 1 < length ? 2 : 1;
                if (splitsAfter(c)) {
                    breakRun = run; breakAt = at; breakWidth = inkW; breakMax = maxSize;
                }
            }
            if (wrapped) continue;
            run++;
            at = 0;
        }
        if (any) line(text, startRun, startAt, run, at, inkW, maxSize * leading);
        return this;
    }

    /** Where OpenPDF also breaks a line: after whitespace and hyphens. */
    private static boolean splitsAfter(char c) {
        return c <= '-' && (c <= ' ' || c == '-') || c >= '\u2002' && (c <= '\u200B' || c == '\u2010');
    }

    /** Adds the line from (startRun, startAt) to (endRun, endAt), exclusive, as one segment per run. */
    private void line(CellText text, int startRun, int startAt, int endRun, int endAt, float width, float height) {
        for (int r = startRun; r <= endRun && r < text.size(); r++) {
            String s = text.text(r);
            int from = r == startRun ? startAt : 0;
            int to = r == endRun ? endAt : s.length();
            if (to > from) segment(text.font(r), from == 0 && to == s.length() ? s : s.substring(from, to));
        }
        if (lines == lineEnd.length) {
            lineEnd = Arrays.copyOf(lineEnd, lines * 2);
            lineHeight = Arrays.copyOf(lineHeight, lines * 2);
            lineWidth = Arrays.copyOf(lineWidth, lines * 2);
        }
        lineEnd[lines] = segs;
        lineHeight[lines] = height;
        lineWidth[lines] = width;
        lines++;
    }

    private void segment(Font font, String text) {
        if (segs == segFont.length) {
            segFont = Arrays.copyOf(segFont, segs * 2);
            segText = Arrays.copyOf(segText, segs * 2);
        }
        segFont[segs] = font;
        segText[segs] = text;
        segs++;
    }

    /** The advance of each character of each font, in thousandths of its size, looked up once per export. */
    static final class Widths {
        private final Map<BaseFont, Table> byFont = new IdentityHashMap<>();

        Table of(Font font) {
            return byFont.computeIfAbsent(font.getBaseFont(), Table::new);
        }

        /** The width of {@code s} in {@code font}, in points. */
        float of(Font font, String s) {
            Table t = of(font);
            int total = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                total += t.of(c, s, i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) i++;
            }
            return total * font.getSize() / 1000f;
        }

        static final class Table {
            private final BaseFont font;
            private final int[] bmp = new int[1 << 16];

            private Table(BaseFont font) {
                this.font = font;
                Arrays.fill(bmp, -1);
            }

            /** The width of the character at {@code at} of {@code s} (a whole code point when it starts a surrogate pair). */
            int of(char c, String s, int at) {
                if (Character.isHighSurrogate(c) && at + 1 < s.length()) return font.getWidth(s.codePointAt(at));
                int w = bmp[c];
                if (w < 0) bmp[c] = w = font.getWidth(c);
                return w;
            }
        }
    }
}
